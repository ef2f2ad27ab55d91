import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Libraries that register routes themselves: swagger-ui-express served under '/docs' and a
// finale-rest resource over a Sequelize model (neither installed). cleave cannot see their
// routes: it reports a LIBRARY_ROUTES warning at each library call and invents no route —
// not even a USE /docs for `swaggerUi.setup(spec)`, whose arity it cannot know.
describe('routes/library-registered-routes', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'library-registered-routes');
  });

  it('reports only the routes the app registers itself', () => {
    expect(routeKeys(a)).toEqual(['GET /health']);
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

  it('warns about swagger-ui mounted under /docs', () => {
    expect(a.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'LIBRARY_ROUTES',
        severity: 'warning',
        file: 'server.js',
        line: 11,
        message: expect.stringMatching(/swagger/i),
      }),
    );
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
