import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// CommonJS router files ending in `module.exports = router`, one required inline inside
// `app.use('/products', require(...))` and one through a variable; app.js exports the app and
// server.js (the entry) only listens. Handlers: a named function expression, a hoisted
// declaration and anonymous `function (req, res)` expressions after a route-level middleware.
describe('routes/router-module-exports', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'router-module-exports');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /orders/:id', 'GET /products', 'GET /products/:sku', 'POST /orders']);
  });

  it.each([
    ['GET /products', 'routes/products.js', 5, { name: 'listProducts', file: 'routes/products.js', line: 5 }],
    ['GET /products/:sku', 'routes/products.js', 8, { name: 'getProduct', file: 'routes/products.js', line: 10 }],
    ['GET /orders/:id', 'routes/orders.js', 11, { name: '<anonymous>', file: 'routes/orders.js', line: 11 }],
  ])('%s is registered at %s:%i', (id, file, line, handler) => {
    expect(a.routes).toContainEqual(expect.objectContaining({ id, file, line, entry: 'server.js', handler: expect.objectContaining(handler), middleware: [] }));
  });

  it('keeps the route-level middleware of POST /orders', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /orders',
        file: 'routes/orders.js',
        line: 8,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'routes/orders.js', line: 8 }),
        middleware: [expect.objectContaining({ name: 'checkCart', scope: 'route', file: 'routes/orders.js', line: 4 })],
      }),
    );
  });

  it('records both mounts in app.js', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/products', kind: 'router', file: 'app.js', line: 6 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/orders', kind: 'router', file: 'app.js', line: 7 }));
  });
});
