import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// GET /reports registered three times: two guards on the app, then the real handler in a
// router mounted without a path. One route: first site is file/line, later sites in alsoAt,
// handler from the last registration. POST /reports is a different route.
describe('routes/duplicate-registrations', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'duplicate-registrations');
  });

  it('merges the same method and path into one route', () => {
    expect(routeKeys(a)).toEqual(['GET /reports', 'POST /reports']);
    expect(a.routes.filter((r) => r.id === 'GET /reports')).toHaveLength(1);
  });

  it('keeps the first site, lists the later ones in order, and takes the last handler', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /reports',
        method: 'GET',
        path: '/reports',
        file: 'server.js',
        line: 6,
        alsoAt: [
          { file: 'server.js', line: 9 },
          { file: 'routes/reports.js', line: 5 },
        ],
        handler: expect.objectContaining({ name: 'listReports', file: 'routes/reports.js', line: 7 }),
      }),
    );
  });

  it('leaves a route registered once without later sites', () => {
    const post = a.routes.find((r) => r.id === 'POST /reports');
    expect(post).toEqual(
      expect.objectContaining({
        file: 'server.js',
        line: 15,
        handler: expect.objectContaining({ name: 'createReport', file: 'server.js', line: 15 }),
        middleware: [],
      }),
    );
    expect(post?.alsoAt ?? []).toEqual([]);
  });
});
