import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Two servers in one repository: `GET /:slug` of one would capture `GET /stats` of the other if
// they shared an app, but each listens on its own port. Shadowing is checked per server only.
describe('routes/shadowing-per-server', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'shadowing-per-server');
  });

  it('finds the routes of both servers', () => {
    expect(a.entry).toEqual(['api.js', 'status.js']);
    expect(routeKeys(a)).toEqual(['GET /:slug', 'GET /stats']);
  });

  it('reports no route of one server as shadowed by the other', () => {
    expect(a.diagnostics.map((d) => d.code)).not.toContain('ROUTE_SHADOWED');
  });
});
