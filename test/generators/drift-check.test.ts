import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_FILE, PLAN_FILE } from '../../model/output-files';
import { goldenDir, sampleDir } from '../../scripts/golden';
import { makeTemp, removeTemp } from '../support/bad-input';
import { hashTree } from '../support/hash-tree';
import { runCli } from '../support/run-cli';
import { copyOfSharedSplit } from '../support/shared-split';

// `--check` keeps committed output in sync, the way `prettier --check` does: it writes nothing,
// exits 0 when the output matches what cleave would write, and exits 1 listing every file that
// would change when it does not (bundles included, built in memory).
describe('generators/drift-check', () => {
  let out: string;
  afterEach(() => removeTemp(out));

  it('generate --check: exit 0 on fresh output, exit 1 with the file list on stale output, nothing written', async () => {
    out = makeTemp('drift-generate');
    for (const f of [PLAN_FILE, ANALYSIS_FILE]) fs.copyFileSync(path.join(goldenDir('shop-api'), f), path.join(out, f));
    const generate = (...args: string[]) => runCli('--quiet', 'generate', sampleDir('shop-api'), '-o', out, '--no-bundle', ...args);
    expect((await generate()).code).toBe(0);
    const fresh = await generate('--check');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/is up to date \(\d+ files\)\n$/);
    fs.writeFileSync(path.join(out, PLAN_FILE), fs.readFileSync(path.join(out, PLAN_FILE), 'utf8').replace(/^( {4}memory: )512$/m, '$11024'));
    const before = hashTree(out);
    const stale = await generate('--check');
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`would write ${path.join(out, 'serverless.yml')}\n`);
    expect(stale.stdout).toContain(`would write ${path.join(out, 'template.yaml')}\n`);
    expect(stale.stdout).toMatch(/2 files in \S+ would change: run without --check to update them\n$/);
    expect(hashTree(out)).toEqual(before);
  }, 60_000);

  it('split --check compares the bundles too: exit 0 right after a split', async () => {
    // A copy of the run's shared split of the sample: `split --check` finds nothing to change in it.
    const copy = await copyOfSharedSplit('library-js', 'drift-split');
    out = path.dirname(copy.outDir);
    const before = hashTree(copy.outDir);
    const check = await runCli('--quiet', 'split', sampleDir('library-js'), '-o', copy.outDir, '--check');
    expect({ code: check.code, stdout: check.stdout.split('\n').filter((l) => l.startsWith('would')) }).toEqual({ code: 0, stdout: [] });
    expect(hashTree(copy.outDir)).toEqual(before);
  }, 180_000);
});
