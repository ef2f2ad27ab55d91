import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Libraries that answer requests themselves become routes the plan places, marked with the
// package: serve-index under its mount path (USE: the path and below), express-robots-txt's
// /robots.txt and express-status-monitor's page (at its `path` option) though mounted without a
// path. None is installed: the models are cleave's, not the packages' code.
describe('routes/library-served-routes', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'library-served-routes');
  });

  it('lists the library routes beside the app own', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /metrics', 'GET /robots.txt', 'USE /listing']);
    const byId = new Map(a.routes.map((r) => [r.id, r]));
    expect(byId.get('USE /listing')).toMatchObject({ library: 'serve-index', file: 'server.js', line: 9 });
    expect(byId.get('GET /robots.txt')).toMatchObject({ library: 'express-robots-txt', line: 7 });
    expect(byId.get('GET /metrics')).toMatchObject({ library: 'express-status-monitor', line: 8 });
    expect(byId.get('GET /health')?.library).toBeUndefined();
  });

  it('keeps a pathless library in the chain of the routes after it', () => {
    const health = a.routes.find((r) => r.id === 'GET /health')!;
    expect(health.middleware.map((m) => m.package)).toEqual(['express-robots-txt', 'express-status-monitor']);
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES')).toEqual([]);
  });
});
