import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePlanFile } from '../../model/plan-file';
import { readPlanSync } from '../../cli/plan-loader';
import { sha256Hex } from '../../model/plan-join';
import { main } from '../../cli/main';
import { hashTree } from '../support/hash-tree';
import { freshOutputBeside, sharedSplit } from '../support/shared-split';

const SHOP = path.join(__dirname, '..', '..', 'samples', 'shop-api');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'cleave', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-plan-'));

describe('cleave plan and cleave split', () => {
  it('split writes analysis, plan and report; the same input gives byte-identical files, also when re-planned', async () => {
    // `a` is the run's shared split (made by another in-process run, possibly in another worker); `b` a fresh one as deep.
    const a = (await sharedSplit('shop-api')).outDir;
    const b = freshOutputBeside('shop-api', 'plan');
    expect((await run('--quiet', 'split', SHOP, '-o', b)).code).toBe(0);
    const names = fs.readdirSync(b).sort();
    // analysis, plan and report, then what the generate step adds (handlers, bundles, deployment config, manifest)
    expect(names).toEqual(
      expect.arrayContaining([
        '.cleave-manifest.json',
        'SPLIT-REPORT.md',
        'analysis.json',
        'bundles.json',
        'cleave.plan.yaml',
        'dist',
        'functions',
        'report.html',
        'serverless.yml',
        'template.yaml',
      ]),
    );
    expect(hashTree(b)).toEqual(hashTree(a));
    const before = fs.readFileSync(path.join(b, 'cleave.plan.yaml'), 'utf8');
    expect((await run('--quiet', 'split', SHOP, '-o', b)).code).toBe(0);
    expect(fs.readFileSync(path.join(b, 'cleave.plan.yaml'), 'utf8')).toBe(before);
    const { plan } = readPlanSync(path.join(b, 'cleave.plan.yaml'));
    const placed = [...plan.functions.flatMap((f) => f.routes), ...plan.keep.map((k) => k.route)].sort();
    expect(placed).toEqual(Object.keys(plan.routes).sort());
    expect(fs.readFileSync(path.join(b, 'SPLIT-REPORT.md'), 'utf8')).toContain('```mermaid');
  }, 180000);

  it('split places every route of the JavaScript sample exactly once', async () => {
    const shared = await sharedSplit('library-js');
    expect(shared.run.code).toBe(0);
    const { plan } = readPlanSync(path.join(shared.outDir, 'cleave.plan.yaml'));
    expect(plan.app).toMatchObject({ language: 'javascript', expressMajor: 5 });
    expect([...plan.functions.flatMap((f) => f.routes), ...plan.keep.map((k) => k.route)].sort()).toEqual(Object.keys(plan.routes).sort());
  }, 180000);

  it('plan keeps the edits of an existing -o plan and writes the report', async () => {
    const dir = tmp();
    const file = path.join(dir, 'cleave.plan.yaml');
    expect((await run('--quiet', 'plan', SHOP, '-o', file, '--report', path.join(dir, 'report'))).code).toBe(0);
    const first = fs.readFileSync(file, 'utf8');
    // The analysis lands beside the plan, which names it by hash: generate reads the two together.
    expect(parsePlanFile(first).analysis).toEqual({ file: 'analysis.json', sha256: sha256Hex(fs.readFileSync(path.join(dir, 'analysis.json'), 'utf8')) });
    expect(Object.keys(readPlanSync(file).plan.routes).length).toBeGreaterThan(50);
    const firstId = parsePlanFile(first).functions[0]!.id;
    fs.writeFileSync(file, first.replace(new RegExp(`- id: ${firstId}\\n`), '- id: renamed-by-hand\n'));
    expect((await run('--quiet', 'plan', SHOP, '-o', file)).code).toBe(0);
    expect(parsePlanFile(fs.readFileSync(file, 'utf8')).functions.map((f) => f.id)).toContain('renamed-by-hand');
    expect(fs.readdirSync(path.join(dir, 'report')).sort()).toEqual(['SPLIT-REPORT.md', 'report.html']);
  }, 120000);

  it('a bad config exits 2 with one line per problem naming the key path', async () => {
    const config = path.join(tmp(), 'cleave.config.yaml');
    fs.writeFileSync(config, 'functions:\n  users:\n    memory: big\nstrategy: fast\n');
    const result = await run('plan', SHOP, '--config', config);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('cleave: error:'));
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^cleave: error: .*cleave\.config\.yaml: functions\.users\.memory: expected number, got string \(schema\/cleave\.config\.schema\.json documents every key\)$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringContaining('cleave.config.yaml: strategy: expected one of'));
  });

  it('refuses a missing --config and an output folder that is the app itself', async () => {
    const missing = await run('plan', SHOP, '--config', '/nonexistent/cleave.config.yaml');
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^cleave: error: config file \/nonexistent\/cleave.config.yaml does not exist \(/),
    });
    const self = await run('split', SHOP, '-o', SHOP);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/cleave: error: the output folder .* is the app folder itself \(choose a folder inside it/);
  });
});
