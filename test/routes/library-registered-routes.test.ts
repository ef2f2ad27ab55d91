import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Libraries that register routes themselves: swagger-ui-express served under '/docs' and a
// finale-rest resource over a Sequelize model (neither installed). swagger-ui answers its mount
// path and below: one USE /docs route marked with the package. finale's routes cleave does not
// model: a LIBRARY_ROUTES warning at each of its calls, and no invented route.
describe('routes/library-registered-routes', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'library-registered-routes');
  });

  it('reports the routes the app registers and the one swagger-ui serves', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'USE /docs']);
    expect(a.routes.find((r) => r.id === 'USE /docs')).toMatchObject({ library: 'swagger-ui-express', file: 'server.js', line: 11 });
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'server.js',
        line: 10,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.js', line: 10 }),
        middleware: [
          expect.objectContaining({ name: 'express.json()', scope: 'app', package: 'express', file: 'server.js', line: 8 }),
        ],
      }),
    );
  });

  it('gives no LIBRARY_ROUTES warning for swagger-ui, whose route is listed', () => {
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES' && d.line === 11)).toEqual([]);
  });

  it('warns about the finale resource and names the call', () => {
    expect(a.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'LIBRARY_ROUTES',
        severity: 'warning',
        file: 'server.js',
        line: 14,
        message: expect.stringContaining('finale.resource'),
      }),
    );
  });
});
