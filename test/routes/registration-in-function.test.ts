import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Routes registered inside `configureApp(app)` (another file), called from the `.then` callback
// of a promise after the database connects; the `.then` is no condition.
describe('routes/registration-in-function', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'registration-in-function');
  });

  const json = expect.objectContaining({ name: 'express.json()', scope: 'app', package: 'express', file: 'app.js', line: 13 });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /customers', 'GET /customers/:id', 'GET /orders', 'POST /orders']);
  });

  it.each([
    ['GET /orders', 'app.js', 14, { name: 'listOrders', file: 'app.js', line: 4 }],
    ['POST /orders', 'app.js', 15, { name: 'createOrder', file: 'app.js', line: 8 }],
    ['GET /customers', 'customers.js', 4, { name: '<anonymous>', file: 'customers.js', line: 4 }],
    ['GET /customers/:id', 'customers.js', 5, { name: '<anonymous>', file: 'customers.js', line: 5 }],
  ])('%s is registered at %s:%i for server.js', (id, file, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({ id, file, line, entry: 'server.js', handler: expect.objectContaining(handler), middleware: [json] }),
    );
  });

  it('marks no route conditional', () => {
    expect(a.routes.filter((r) => r.conditional !== undefined)).toEqual([]);
  });
});
