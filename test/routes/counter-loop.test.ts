import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `for (let i = 0; i < list.length; i++)` and `for (...; --page)`: the counter steps, so each
// iteration registers its own path (before, `i++` was not evaluated and every iteration
// registered the first path again, until the loop limit).
describe('routes/counter-loop', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'counter-loop');
  });

  it('finds the route of every iteration', () => {
    expect(routeKeys(a)).toEqual(['GET /api/v1/status', 'GET /api/v2/status', 'GET /api/v3/status', 'GET /pages/1', 'GET /pages/2']);
  });

  it('reports no limit and nothing dynamic', () => {
    expect(a.diagnostics.map((d) => d.code)).toEqual([]);
  });
});
