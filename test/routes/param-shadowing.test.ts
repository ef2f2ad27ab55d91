import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// GET /articles/:slug registered before GET /articles/feed captures it (a request for
// /api/articles/feed runs getArticle): ROUTE_SHADOWED. /tags/feed before /tags/:tag is the right
// order, and POST /articles/preview is another method: neither is shadowed.
describe('routes/param-shadowing', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'param-shadowing');
  });

  it('still reports the shadowed route', () => {
    expect(routeKeys(a)).toEqual([
      'GET /api/articles/:slug',
      'GET /api/articles/feed',
      'GET /api/tags/:tag',
      'GET /api/tags/feed',
      'POST /api/articles/preview',
    ]);
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/articles/feed',
        file: 'routes/articles.js',
        line: 9,
        handler: expect.objectContaining({ name: 'getFeed', file: 'routes/articles.js', line: 24 }),
        middleware: [],
      }),
    );
  });

  it('flags exactly the literal route captured by an earlier parameter route', () => {
    const shadowed = a.diagnostics.filter((d) => d.code === 'ROUTE_SHADOWED');
    expect(shadowed).toHaveLength(1);
    expect(shadowed[0]).toEqual(
      expect.objectContaining({
        code: 'ROUTE_SHADOWED',
        severity: 'warning',
        file: 'routes/articles.js',
        line: 9,
        message: expect.stringContaining('/api/articles/feed'),
      }),
    );
    expect(shadowed[0]?.message).toContain('/api/articles/:slug');
  });
});
