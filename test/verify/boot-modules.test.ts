/**
 * test/fixtures/verify/boot-hook: server.js loads hooks/welcome-mail.js for its side effect
 * alone (no route imports it; nothing in an answer shows it), and app.js also listens when run
 * alone. verify warns when the functions lack a module the monolith loads at boot, and when it
 * runs another entry than the plan's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import { runCli } from '../support/run-cli';
import { REPO, type SplitOutput, splitIntoTemp, verifyRun } from '../support/verify-run';

const APP = path.join(REPO, 'test', 'fixtures', 'verify', 'boot-hook');
const outputs: SplitOutput[] = [];

afterAll(() => {
  for (const split of outputs) split.remove();
});

describe('verify: modules the monolith boots and the functions do not', () => {
  it('finds nothing when the functions were split from the entry verify runs (the handler runs it)', async () => {
    const split = await splitIntoTemp(APP);
    outputs.push(split);
    const run = await verifyRun(split);
    expect(run.code).toBe(0);
    expect(run.report.warnings).toBeUndefined();
  });

  it('warns, with stable codes, when the plan was made from app.js and the monolith runs server.js', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-verify-'));
    const split: SplitOutput = { appDir: APP, outDir, plan: undefined as never, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
    outputs.push(split);
    expect((await runCli('--quiet', 'split', APP, '--entry', 'app.js', '-o', outDir)).code).toBe(0);
    expect(readPlanSync(path.join(outDir, 'cleave.plan.yaml')).plan.app.entry).toEqual(['app.js']);
    const run = await verifyRun(split, '--entry', 'server.js', '--format', 'json');
    // The answers are alike: only the module sets show what the functions do not do.
    expect(run.code).toBe(0);
    expect(run.report.summary.mismatched).toBe(0);
    expect(run.report.warnings?.map((w) => [w.code, w.subject])).toEqual([
      ['VERIFY_ENTRY_NOT_PLANNED', 'server.js'],
      ['VERIFY_BOOT_MODULE_MISSING', 'hooks/welcome-mail.js'],
    ]);
    expect(run.report.warnings?.[1]?.message).toContain('not by function signups');
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ code: string; severity: string }> }).findings;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'VERIFY_BOOT_MODULE_MISSING', severity: 'warning' })]));
  });
});
