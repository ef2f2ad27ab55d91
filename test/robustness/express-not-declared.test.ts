import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// The code imports express but package.json does not list it: a warning, and the app is analysed.
describe('robustness/express-not-declared', () => {
  it('warns NO_EXPRESS_DEPENDENCY at package.json and still finds the routes', async () => {
    const dir = badFixture('express-not-declared');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /ping']);
    expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'NO_EXPRESS_DEPENDENCY', severity: 'warning', file: 'package.json', line: 1 }));
  }, 30_000);
});
