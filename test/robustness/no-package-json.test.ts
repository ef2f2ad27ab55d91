import { analysisOf, badFixture, expectContract, routeIds, runChecked } from '../support/bad-input';

// An app folder without package.json is still analysed: a NO_PACKAGE_JSON warning, exit 0.
describe('robustness/no-package-json', () => {
  it('finds the routes and warns', async () => {
    const dir = badFixture('no-package-json');
    const run = await runChecked(dir, 'analyze', dir, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(routeIds(analysis)).toEqual(['GET /items']);
    expect(analysis.diagnostics).toContainEqual(expect.objectContaining({ code: 'NO_PACKAGE_JSON', severity: 'warning' }));
  }, 30_000);
});
