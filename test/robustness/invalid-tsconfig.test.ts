import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// A tsconfig.json that does not parse, and one that parses but extends a missing file and gives
// options of the wrong type: a TSCONFIG_INVALID warning each, and analysis goes on (exit 0).
describe('robustness/invalid-tsconfig', () => {
  it('warns when tsconfig.json does not parse and goes on with default options', async () => {
    const dir = badFixture('invalid-tsconfig');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /users']);
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({ code: 'TSCONFIG_INVALID', severity: 'warning', file: 'tsconfig.json', message: expect.stringContaining('does not parse') }),
    ]);
  }, 30_000);

  it('warns about a missing base config and options of the wrong type', async () => {
    const dir = badFixture('tsconfig-bad-extends');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /users']);
    const [diagnostic, ...rest] = analysis.diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic).toEqual(expect.objectContaining({ code: 'TSCONFIG_INVALID', severity: 'warning', file: 'tsconfig.json' }));
    expect(diagnostic!.message).toContain("Cannot read file 'config/tsconfig.base.json'");
    expect(diagnostic!.message).toContain("'strict' requires a value of type boolean");
    expect(diagnostic!.message).not.toContain(dir);
  }, 30_000);
});
