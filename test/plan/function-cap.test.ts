import { planSplit } from '../../planner/plan-split';
import { analysisOf, configOf, route, shopMounts, shopRoutes, sized } from '../support/plan-fixtures';

// A plan holds at most `maxFunctions` functions, so the stack stays under CloudFormation's 500
// resources: neighbouring groups in path order are merged, the routes spread evenly, pins kept.
describe('plan/function-cap', () => {
  const plan = (yaml: string) => planSplit(analysisOf(shopRoutes(), [], shopMounts()), configOf(yaml));
  const groups = (p: ReturnType<typeof plan>) => p.functions.map((f) => f.routes);

  it('leaves a plan under the cap as it is', () => {
    const p = plan('strategy: per-route');
    expect(p.functions).toHaveLength(10);
    expect(p.warnings.map((w) => w.code)).not.toContain('FUNCTIONS_MERGED_BY_CAP');
  });

  it('merges path neighbours into at most maxFunctions functions, every route once, and says so', () => {
    const p = plan('strategy: per-route\nmaxFunctions: 3');
    expect(p.functions).toHaveLength(3);
    expect(groups(p).flat().sort()).toEqual(
      shopRoutes()
        .map((r) => r.id)
        .sort(),
    );
    // A resource's routes come together first: orders, products with its reviews, users.
    expect(groups(p)).toEqual([
      ['GET /api/orders', 'GET /api/orders/:id', 'POST /api/orders'],
      ['GET /api/products', 'GET /api/products/:id', 'GET /api/products/:id/reviews', 'POST /api/products', 'POST /api/products/:id/reviews'],
      ['GET /api/users', 'GET /api/users/:id'],
    ]);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ code: 'FUNCTIONS_MERGED_BY_CAP', message: expect.stringContaining('10 groups of routes were merged into 3 functions') }),
    );
  });

  it('never merges a pinned group', () => {
    const p = plan('strategy: per-route\nmaxFunctions: 2\npin:\n  me:\n    - GET /api/users/:id');
    expect(p.functions.find((f) => f.id === 'me')?.routes).toEqual(['GET /api/users/:id']);
    expect(p.functions).toHaveLength(2);
  });

  it('does not make a merge whose bundle would pass maxBundleBytes, and says the cap was passed', () => {
    const p = plan('strategy: per-route\nmaxFunctions: 1\nmaxBundleBytes: 6000');
    expect(p.functions.length).toBeGreaterThan(1);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ code: 'FUNCTIONS_MERGED_BY_CAP', message: expect.stringContaining('would pass maxBundleBytes 6000, so the plan has') }),
    );
  });
});

describe('plan/function-cap at scale', () => {
  it('caps 2,000 one-route groups whose bundles are each over the limit (inline handlers in one big file), with a handful of warnings', () => {
    const routes = Array.from({ length: 2000 }, (_, i) => route('GET', `/items${i}/:id`, { file: 'server.js', handler: 'server.js', files: ['server.js'] }));
    const p = planSplit(sized(analysisOf(routes), { 'server.js': 2_000_000 }), configOf('strategy: per-route'));
    expect(p.functions).toHaveLength(50);
    // Smaller pairs merge first: sizes stay within a factor of two of each other.
    const sizes = p.functions.map((f) => f.routes.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * Math.min(...sizes));
    expect(p.warnings.filter((w) => w.code === 'BUNDLE_OVER_LIMIT').length).toBeLessThanOrEqual(6);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ code: 'BUNDLE_OVER_LIMIT', message: expect.stringMatching(/^and \d+ more BUNDLE_OVER_LIMIT warnings/) }),
    );
  });
});
