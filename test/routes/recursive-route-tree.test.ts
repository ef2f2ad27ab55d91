import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// A recursive function walks a nested literal table of paths (`typeof node[key] === 'function'`
// tells handlers from sub-tables). Each recursive call walks a different, known part of the
// table, so the evaluator follows it instead of cutting the recursion off.
describe('routes/recursive-route-tree', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'recursive-route-tree');
  });

  it('finds the route of every leaf of the table', () => {
    expect(routeKeys(a)).toEqual(['DELETE /shop/items/:itemId', 'GET /shop', 'GET /shop/items', 'GET /shop/items/:itemId', 'POST /shop/items']);
  });

  it('reports the registration inside the recursive function, with no guard', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /shop/items/:itemId',
        file: 'server.js',
        line: 20,
        handler: expect.objectContaining({ name: 'ok', file: 'server.js', line: 4 }),
      }),
    );
    for (const route of a.routes) expect(route.conditional).toBeUndefined();
  });
});
