import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE } from '../../model/output-files';
import { ANALYSIS_FILE, PLAN_FILE } from '../../model/output-files';
import { goldenDir, sampleDir } from '../../scripts/golden';
import { makeTemp, removeTemp } from '../support/bad-input';
import { runCli, STACK_LINE } from '../support/run-cli';

// Reruns a person can trust: after a function is renamed in the plan, generate removes the old
// function's files (and lists them) and the manifest forgets them; an old file edited by hand
// stays, with a warning, and the run still succeeds.
describe('generators/rerun-prunes', () => {
  let out: string;
  const generate = () => runCli('generate', sampleDir('shop-api'), '-o', out, '--no-bundle');
  const manifestFiles = (): string[] =>
    Object.keys((JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as { files: Record<string, unknown> }).files);

  beforeAll(() => {
    out = makeTemp('rerun-prunes');
    for (const f of [PLAN_FILE, ANALYSIS_FILE]) fs.copyFileSync(path.join(goldenDir('shop-api'), f), path.join(out, f));
  });
  afterAll(() => removeTemp(out));

  it('removes the files of renamed functions, keeps an edited one with STALE_FILE_EDITED', async () => {
    expect((await generate()).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'functions', 'healthz', 'handler.ts'))).toBe(true);
    const plan = fs.readFileSync(path.join(out, PLAN_FILE), 'utf8');
    fs.writeFileSync(
      path.join(out, PLAN_FILE),
      plan.replace('  - id: healthz\n', '  - id: health-check\n').replace('  - id: cart-coupons\n', '  - id: cart\n'),
    );
    const edited = path.join(out, 'functions', 'cart-coupons', 'handler.ts');
    fs.appendFileSync(edited, '// a note of mine\n');

    const run = await generate();
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.stdout).toContain(`removed ${path.join(out, 'functions', 'healthz', 'handler.ts')}`);
    expect(fs.existsSync(path.join(out, 'functions', 'healthz'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'functions', 'health-check', 'handler.ts'))).toBe(true);
    expect(fs.readFileSync(edited, 'utf8')).toContain('// a note of mine');
    expect(run.stderr).toContain('warning STALE_FILE_EDITED functions/cart-coupons/handler.ts');
    expect(manifestFiles().filter((f) => f.startsWith('functions/healthz/'))).toEqual([]);
    expect(manifestFiles()).toContain('functions/health-check/handler.ts');
  }, 60_000);
});
