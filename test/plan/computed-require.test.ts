import { measureModules } from '../../analyzer/modules/module-graph';
import { planSplit } from '../../planner/plan-split';
import { analyzeFixture, fixtureDir } from '../support/analyze-fixture';
import { configOf } from '../support/plan-fixtures';

// Found on Ghost core: `require(\`./${command}\`)` makes esbuild take every file of the folder,
// and a README.md there (no loader for .md) failed the whole-app measurement, so every bundle size
// of the plan was an estimate (BUNDLE_NOT_MEASURED). Files that are not code now count as empty.
describe('plan/computed-require', () => {
  const dir = fixtureDir('plan', 'computed-require');

  it('measures the app although a computed require reaches a README', async () => {
    const modules = await measureModules(dir, ['server.js']);
    expect(modules).toBeDefined();
    expect(Object.keys(modules!.files)).toEqual(expect.arrayContaining(['commands/reindex.js', 'commands/vacuum.js', 'server.js']));
  });

  it('plans with measured bundles, not estimates', async () => {
    const analysis = await analyzeFixture('plan', 'computed-require');
    const plan = await planSplit(analysis, configOf());
    expect(plan.warnings.map((w) => w.code)).not.toContain('BUNDLE_NOT_MEASURED');
    expect(plan.functions.every((f) => f.bundle && !f.bundle.estimated)).toBe(true);
  }, 60_000);
});
