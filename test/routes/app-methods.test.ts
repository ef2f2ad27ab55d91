import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Every app-level method: get/post/put/patch/delete, an explicit head, `app.all` (one ALL route,
// not one per method) and `app.options('*', cors())` whose handler is a library factory named by
// its call text (cors is not installed: a package, so no UNRESOLVED_IMPORT). `health` is a
// hoisted declaration used before it is defined.
describe('routes/app-methods', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'app-methods');
  });

  const json = expect.objectContaining({
    name: 'express.json()',
    scope: 'app',
    package: 'express',
    file: 'server.js',
    line: 5,
  });
  const requireAuth = expect.objectContaining({ name: 'requireAuth', scope: 'route', file: 'server.js', line: 7 });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual([
      'ALL /ping',
      'DELETE /items/:id',
      'GET /health',
      'GET /items',
      'HEAD /health',
      'OPTIONS *',
      'PATCH /items/:id',
      'POST /items',
      'PUT /items/:id',
    ]);
  });

  it('names the library factory handler of OPTIONS * by its call text', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'OPTIONS *',
        method: 'OPTIONS',
        path: '*',
        file: 'server.js',
        line: 12,
        entry: 'server.js',
        handler: expect.objectContaining({ name: 'cors()', file: 'server.js', line: 12 }),
        middleware: [json],
      }),
    );
  });

  it.each([
    ['GET /items', 13, [json]],
    ['POST /items', 14, [json, requireAuth]],
    ['PUT /items/:id', 15, [json, requireAuth]],
    ['PATCH /items/:id', 16, [json, requireAuth]],
    ['DELETE /items/:id', 17, [json, requireAuth]],
    ['HEAD /health', 18, [json]],
  ])('%s (server.js:%i) has an inline handler', (id, line, middleware) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'server.js',
        line,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.js', line }),
        middleware,
      }),
    );
  });

  it('resolves a hoisted handler and reports app.all as ALL', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        line: 19,
        handler: expect.objectContaining({ name: 'health', file: 'server.js', line: 22 }),
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'ALL /ping',
        method: 'ALL',
        path: '/ping',
        line: 20,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.js', line: 20 }),
        middleware: [json],
      }),
    );
  });

  it('has nothing to warn about', () => {
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
