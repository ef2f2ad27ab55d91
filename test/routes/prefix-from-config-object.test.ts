import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// `app.use(config.api.prefix, router)` with `config` required from ./config (an object built
// with a shorthand property) and a destructured `const { admin } = config`.
describe('routes/prefix-from-config-object', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'prefix-from-config-object');
  });

  it('resolves prefixes read from an imported config object', () => {
    expect(routeKeys(a)).toEqual(['GET /admin', 'GET /api/v2/products', 'POST /api/v2/products']);
  });

  it('reports handlers of the mounted router', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /api/v2/products',
        file: 'routes/products.js',
        line: 6,
        handler: expect.objectContaining({ name: 'createProduct', file: 'routes/products.js', line: 12 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /admin',
        file: 'server.js',
        line: 10,
        handler: expect.objectContaining({ name: 'dashboard', file: 'server.js', line: 10 }),
        middleware: [],
      }),
    );
  });

  it('knows every path statically', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
