import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Libraries that register routes themselves: swagger-ui-express served under '/docs' and a
// finale-rest resource over a Sequelize model (neither installed). swagger-ui answers its mount
// path and below: one USE /docs route. finale's resource registers what its controllers do on
// the app given to initialize(): list and create on the plural endpoint, read, update (PUT) and
// delete on the singular one. Each is marked with its package.
describe('routes/library-registered-routes', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'library-registered-routes');
  });

  it('reports the routes the app registers, the one swagger-ui serves and the resource finale makes', () => {
    expect(routeKeys(a)).toEqual(['DELETE /users/:id', 'GET /health', 'GET /users', 'GET /users/:id', 'POST /users', 'PUT /users/:id', 'USE /docs']);
    for (const id of ['GET /users', 'POST /users', 'GET /users/:id', 'PUT /users/:id', 'DELETE /users/:id']) {
      expect(a.routes.find((r) => r.id === id)).toMatchObject({ library: 'finale-rest', file: 'server.js', line: 14 });
    }
    expect(a.routes.find((r) => r.id === 'USE /docs')).toMatchObject({ library: 'swagger-ui-express', file: 'server.js', line: 11 });
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'server.js',
        line: 10,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.js', line: 10 }),
        middleware: [expect.objectContaining({ name: 'express.json()', scope: 'app', package: 'express', file: 'server.js', line: 8 })],
      }),
    );
  });

  it('gives no LIBRARY_ROUTES warning for swagger-ui, whose route is listed', () => {
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES' && d.line === 11)).toEqual([]);
  });

  it('gives no LIBRARY_ROUTES warning for the modelled finale calls', () => {
    expect(a.diagnostics.filter((d) => d.code === 'LIBRARY_ROUTES')).toEqual([]);
  });
});
