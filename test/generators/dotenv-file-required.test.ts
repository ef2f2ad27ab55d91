import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'generators', 'dotenv-file-required');

// The bulletproof-nodejs config throws when dotenv finds no .env file. The app's .env holds the
// environment's values, often secrets: it is withheld (and said so), and an empty .env stands
// beside each bundle instead, so the config loads and reads the function's own environment.
describe('generators/apps whose config needs a .env file', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-dotenv-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('ships an empty .env, never the app’s, and the functions load and read their environment', async () => {
    const split = await runCli('split', FIXTURE, '-o', out);
    expect(split.code).toBe(0);
    expect(split.stderr).toMatch(
      /ASSETS_WITHHELD dist\/: not copied beside the bundles, since they look like keys or secrets: \.env; an empty \.env stands beside each bundle instead/,
    );
    const ids = fs.readdirSync(path.join(out, 'dist', 'functions')).sort();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const placeholder = fs.readFileSync(path.join(out, 'dist', 'functions', id, '.env'), 'utf8');
      expect(placeholder).toMatch(/^# Written by cleave/);
      expect(placeholder).not.toContain('hello from the file');
    }
    const greetingFn = ids.find((id) => fs.readFileSync(path.join(out, 'dist', 'functions', id, 'handler.js'), 'utf8').includes('/greeting'))!;
    // In a process of its own, which moves to the bundle's folder as Lambda's does.
    const invoked = await runCli('invoke', greetingFn, 'GET', '/greeting', '--functions', out);
    expect(invoked.stderr).not.toMatch(/Couldn't find .env file/);
    expect(invoked.stdout).toContain('{"greeting":"hello"}');
  }, 60_000);

  it("passes NODE_ENV to every function, which Express reads though the app's code never names it", () => {
    const yml = fs.readFileSync(path.join(out, 'serverless.yml'), 'utf8');
    expect(yml.match(/NODE_ENV: \$\{env:NODE_ENV, null\}/g)?.length).toBe(fs.readdirSync(path.join(out, 'dist', 'functions')).length);
  });
});
