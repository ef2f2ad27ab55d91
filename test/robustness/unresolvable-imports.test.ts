import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// Imports and requires that lead nowhere: a missing relative file (import and require), a path
// alias with no file behind it, a computed require, a path that leaves the app, a dynamic
// import(), and a package that is not installed. Each missing module is one UNRESOLVED_IMPORT
// warning at its line; the uninstalled package is no problem at all; exit 0.
describe('robustness/unresolvable-imports', () => {
  it('warns at each unresolvable import and finds the rest', async () => {
    const dir = badFixture('unresolvable-imports');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /health', 'GET /users', 'GET {?}']);
    const unresolved = analysis.diagnostics.filter((d) => d.code === 'UNRESOLVED_IMPORT').map((d) => `${d.file}:${d.line} ${d.message}`);
    expect(unresolved).toEqual([
      "src/server.ts:4 cannot resolve './routes/gone'",
      "src/server.ts:5 cannot resolve '@app/config/missing'",
      "src/server.ts:7 cannot resolve './routes/legacy-missing'",
      "src/server.ts:9 cannot resolve './plugins/plugin'",
      "src/server.ts:10 cannot resolve '../../../../outside-the-app/routes'",
      "src/server.ts:25 cannot resolve './routes/lazy-missing'",
    ]);
    expect(analysis.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
    expect(JSON.stringify(analysis.diagnostics)).not.toContain('left-pad');
  }, 30_000);
});
