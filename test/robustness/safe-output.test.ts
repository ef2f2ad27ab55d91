import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MANIFEST_FILE } from '../../model/output-files';
import { writeOutputFiles } from '../../cli/output';
import { writeFileAtomic } from '../../cli/write-file';
import { fixtureDir } from '../support/analyze-fixture';
import { hashTree } from '../support/hash-tree';
import { runCli, STACK_LINE } from '../support/run-cli';

// Safe output (issue 8): whatever the app, the config or a hand-edited plan holds, cleave writes
// only under -o, never into the app folder itself, never through a link leading out of -o, never
// over a file it did not write (without --force), atomically, and without copying environment
// values or committed secrets into what it generates. The fixture's routes climb (`/../../x`).
const REPO = path.join(__dirname, '..', '..');
const SECRET_ENV = { API_TOKEN: 'env-token-5a1d9c', SESSION_SECRET: 'env-session-77e0b2' };
const DOTENV_VALUE = 'dotenv-value-c3f1e8';
const COMMITTED = 'committed-fallback-3141';
const KEY_MATERIAL = 'key-material-91ab04';

/**
 * A temporary copy of the fixture in a folder of its own (`<base>/app`) with express installed
 * (linked from the repo) and nothing else: the adapter the handlers import is not the app's, so
 * bundling must find it in cleave's own install, also with -o inside the app.
 */
function copyApp(): { base: string; app: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-safe-output-'));
  const app = path.join(base, 'app');
  fs.cpSync(fixtureDir('robustness', 'safe-output'), app, { recursive: true });
  fs.mkdirSync(path.join(app, 'node_modules'));
  fs.symlinkSync(path.join(REPO, 'node_modules', 'express'), path.join(app, 'node_modules', 'express'), 'dir');
  fs.writeFileSync(path.join(app, '.env'), `API_TOKEN=${DOTENV_VALUE}\n`);
  fs.mkdirSync(path.join(app, 'keys'));
  fs.writeFileSync(path.join(app, 'keys', 'server.pem'), `-----BEGIN PRIVATE KEY-----\n${KEY_MATERIAL}\n-----END PRIVATE KEY-----\n`);
  fs.writeFileSync(path.join(app, 'keys', 'credentials.json'), `{"client_secret":"${KEY_MATERIAL}"}\n`);
  fs.writeFileSync(path.join(app, 'docker-compose.yml'), `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${KEY_MATERIAL}\n`);
  return { base, app };
}

/** Every file under `dir` (links not followed), relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** `hashTree` of the app without the output folder `functions/`. */
function appTree(app: string): Record<string, string> {
  return Object.fromEntries(Object.entries(hashTree(app)).filter(([k]) => k !== 'functions' && !k.startsWith('functions/')));
}

describe('robustness/safe-output', () => {
  const temps: string[] = [];
  const saved: Record<string, string | undefined> = {};
  let base: string;
  let app: string;
  let out: string;
  let before: Record<string, string>;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    for (const [k, v] of Object.entries(SECRET_ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    ({ base, app } = copyApp());
    temps.push(base);
    out = path.join(app, 'functions');
    before = appTree(app);
    first = await runCli('--quiet', 'split', app, '-o', out);
  }, 120_000);

  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
  });

  it('splits an app with climbing route paths, writing only under -o, and bundles every handler', () => {
    expect(first.stderr).not.toContain(STACK_LINE);
    expect(first.code).toBe(0);
    const bundles = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as { failures: unknown[]; bundles: unknown[] };
    expect(bundles.failures).toEqual([]);
    expect(fs.readdirSync(base)).toEqual(['app']);
    expect(appTree(app)).toEqual(before);
    const written = filesUnder(out);
    expect(written).toEqual(expect.arrayContaining(['cleave.plan.yaml', 'serverless.yml', 'template.yaml', MANIFEST_FILE]));
    const handlers = written.filter((f) => f.endsWith('/handler.ts'));
    expect(handlers.length).toBeGreaterThanOrEqual(4);
    for (const file of handlers) expect(file).toMatch(/^functions\/[a-z_][a-z0-9-]*\/handler\.ts$/);
  });

  it('copies no environment value, no .env value, no key file and no committed secret into what it generates', () => {
    const texts = filesUnder(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')] as const);
    for (const [file, text] of texts) {
      for (const value of [...Object.values(SECRET_ENV), DOTENV_VALUE, KEY_MATERIAL])
        expect({ file, leaks: text.includes(value) }).toEqual({ file, leaks: false });
      // The bundles and the sliced copies of registering modules (functions/<id>/app/) hold the app's
      // own code, fallback included; the analysis, plan, config, handlers and report must not repeat it.
      if (!file.startsWith('dist/') && !/^functions\/[^/]+\/app\//.test(file))
        expect({ file, leaks: text.includes(COMMITTED) }).toEqual({ file, leaks: false });
    }
    expect(filesUnder(out).filter((f) => /\.env$|\.pem$|credentials\.json$|docker-compose\.yml$/.test(f))).toEqual([]);
  });

  it('leaves no temporary files, and running again changes nothing', async () => {
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const snapshot = hashTree(out);
    const again = await runCli('--quiet', 'split', app, '-o', out);
    expect(again.code).toBe(0);
    expect(hashTree(out)).toEqual(snapshot);
  }, 120_000);

  it('refuses the app folder itself as -o, however it is spelled (exit 2, nothing written)', async () => {
    const link = path.join(base, 'link-to-app');
    fs.symlinkSync(app, link, 'dir');
    for (const spelling of [app, `${app}${path.sep}`, path.join(app, '..', 'app'), link, path.join(app, 'node_modules', '..')]) {
      const run = await runCli('--quiet', 'split', app, '-o', spelling);
      expect({ spelling, code: run.code }).toEqual({ spelling, code: 2 });
      expect(run.stderr).toMatch(/^cleave: error: the output folder .* is the app folder itself \(choose a folder inside it, e\.g\. -o functions\)\n$/);
    }
    fs.unlinkSync(link);
    expect(appTree(app)).toEqual(before);
  }, 60_000);

  it('refuses to overwrite a file it did not write, naming it, until --force', async () => {
    const foreign = path.join(base, 'foreign-out');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'serverless.yml'), 'service: mine\n');
    const refused = await runCli('--quiet', 'split', app, '-o', foreign);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^cleave: error: .*foreign-out\/serverless\.yml exists and was not written by cleave \(move it away, or run again with --force to overwrite it\)\n$/,
    );
    expect(fs.readdirSync(foreign)).toEqual(['serverless.yml']);
    const forced = await runCli('--quiet', 'split', app, '-o', foreign, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(foreign, 'serverless.yml'), 'utf8')).not.toBe('service: mine\n');
  }, 120_000);

  it('refuses a hostile function id from the config or a hand-edited plan (exit 2), writing nothing', async () => {
    const config = path.join(base, 'hostile.config.yaml');
    fs.writeFileSync(config, 'names:\n  "GET /items": ../../etc\n');
    const fromConfig = await runCli('--quiet', 'split', app, '-o', out, '--config', config);
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toMatch(/names\."GET \/items": expected a kebab-case id/);

    const planFile = path.join(out, 'cleave.plan.yaml');
    const plan = fs.readFileSync(planFile, 'utf8');
    const id = /^ {2}- id: (\S+)$/m.exec(plan)![1]!;
    fs.writeFileSync(planFile, plan.replace(`  - id: ${id}\n`, '  - id: ../../etc\n'));
    const snapshot = hashTree(out);
    for (const args of [
      ['split', app, '-o', out],
      ['generate', app, '-o', out],
    ]) {
      const run = await runCli('--quiet', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/cleave\.plan\.yaml: functions\[\d+\]\.id: expected a kebab-case id/);
    }
    expect(hashTree(out)).toEqual(snapshot);
    fs.writeFileSync(planFile, plan);
    expect(fs.readdirSync(base).sort()).toEqual(['app', 'foreign-out', 'hostile.config.yaml']);
  }, 60_000);

  it('never writes through a link that leads out of -o, nor into the app from an -o that holds it', async () => {
    const elsewhere = path.join(base, 'elsewhere');
    const linked = path.join(base, 'linked-out');
    fs.mkdirSync(elsewhere);
    fs.mkdirSync(linked);
    fs.symlinkSync(elsewhere, path.join(linked, 'functions'), 'dir');
    const run = await runCli('--quiet', 'split', app, '-o', linked);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cleave: error: refusing to write functions\/.*: a symbolic link leads it outside the output folder/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.readdirSync(linked)).toEqual(['functions']);

    // An app at <parent>/functions/items with -o <parent>: functions/items/handler.ts would land in the app.
    const parent = path.join(base, 'parent');
    const nested = path.join(parent, 'functions', 'items');
    fs.mkdirSync(path.dirname(nested), { recursive: true });
    fs.cpSync(fixtureDir('robustness', 'safe-output'), nested, { recursive: true });
    const nestedBefore = hashTree(nested);
    const holding = await runCli('--quiet', 'split', nested, '-o', parent);
    expect(holding.code).toBe(2);
    expect(holding.stderr).toMatch(/^cleave: error: refusing to write functions\/items\/\S+: it would land inside the app folder/);
    expect(hashTree(nested)).toEqual(nestedBefore);
    expect(fs.readdirSync(parent)).toEqual(['functions']);
  }, 120_000);

  it("an interrupted write leaves no temporary file, and what was written stays cleave's", () => {
    const dir = path.join(base, 'atomic');
    fs.mkdirSync(path.join(dir, 'b.txt', 'occupied'), { recursive: true });
    expect(() => writeFileAtomic(path.join(dir, 'b.txt'), 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['b.txt']);

    expect(() =>
      writeOutputFiles(
        dir,
        [
          { path: 'a.txt', contents: 'a' },
          { path: 'b.txt', contents: 'b' },
        ],
        { manifest: true },
      ),
    ).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual([MANIFEST_FILE, 'a.txt', 'b.txt']);
    fs.rmSync(path.join(dir, 'b.txt'), { recursive: true });
    // a.txt was recorded although the run failed: the next run may replace it.
    expect(() =>
      writeOutputFiles(
        dir,
        [
          { path: 'a.txt', contents: 'a2' },
          { path: 'b.txt', contents: 'b' },
        ],
        { manifest: true },
      ),
    ).not.toThrow();
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('a2');
  });
});
