import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Routers of packages that wrap Express's own for async handlers (express-promise-router,
// called with or without `new`, whole or through `.default`; express-async-router's
// `AsyncRouter`; @awaitjs/express's `Router` and `addAsync(app)`, whose `getAsync`, `useAsync`, ...
// register as `get`, `use`, ...) register and mount as Express routers do.
describe('routes/async-router-packages', () => {
  it('finds the routes of each, under its mount path', async () => {
    const a = await analyzeFixture('routes', 'async-router-packages');
    expect(routeKeys(a)).toEqual(['GET /ping', 'GET /tags', 'GET /users/:id', 'POST /notes', 'POST /photos']);
    expect(a.routes.find((r) => r.id === 'GET /users/:id')).toMatchObject({
      file: 'routes/users.js',
      line: 5,
      stack: [expect.objectContaining({ kind: 'app' }), expect.objectContaining({ file: 'routes/users.js', line: 4, kind: 'router' })],
    });
  });
});
