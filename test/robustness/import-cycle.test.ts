import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// Import cycles, CommonJS (a.js ⇄ b.js, each seeing the other's partial exports) and ES modules
// (routes/index.ts ⇄ routes/c.ts): no hang, the routes of every file, an IMPORT_CYCLE note each.
describe('robustness/import-cycle', () => {
  it('analyses through both cycles', async () => {
    const dir = badFixture('import-cycle');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /a', 'GET /a/b', 'GET /api/c', 'GET /api/status']);
    const cycles = analysis.diagnostics
      .filter((d) => d.code === 'IMPORT_CYCLE')
      .map((d) => d.file)
      .sort();
    expect(cycles).toEqual(['routes/a.js', 'routes/c.ts']);
  }, 30_000);
});
