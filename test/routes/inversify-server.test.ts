import { analyzeFixture } from '../support/analyze-fixture';

// inversify-express-utils builds the app and registers its decorated controllers' routes itself
// (`new InversifyExpressServer(container).build()`): cleave lists none of them, and says so
// rather than finding an app without routes in silence.
describe('routes/inversify-server', () => {
  it('warns that the server registers routes cleave does not list', async () => {
    const analysis = await analyzeFixture('routes', 'inversify-server');
    expect(analysis.routes).toEqual([]);
    expect(analysis.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'LIBRARY_ROUTES',
        severity: 'warning',
        file: 'src/server.ts',
        line: 15,
        message: expect.stringContaining('(package inversify-express-utils) may register routes that cleave does not list'),
      }),
    );
  });
});
