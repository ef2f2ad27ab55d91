import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `app.route(p).get().post()` chains, written over several lines and on one line, and
// `router.route('/')` under a mount: the '/' route is the mount path itself. Each route's
// file/line is its own `.get(...)` / `.post(...)` call in the chain, not the `route(p)` call.
describe('routes/route-chain', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'route-chain');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual([
      'DELETE /books/:id',
      'GET /authors',
      'GET /authors/:id',
      'GET /books',
      'GET /books/:id',
      'POST /authors',
      'POST /books',
      'PUT /books/:id',
    ]);
  });

  it.each([
    ['GET /books', 9, { name: 'list', file: 'books.js', line: 1 }],
    ['POST /books', 10, { name: 'create', file: 'books.js', line: 5 }],
    ['GET /books/:id', 11, { name: 'show', file: 'books.js', line: 9 }],
    ['PUT /books/:id', 11, { name: 'update', file: 'books.js', line: 13 }],
    ['DELETE /books/:id', 11, { name: 'remove', file: 'books.js', line: 17 }],
  ])('%s is registered at server.js:%i by its own chain call', (id, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'server.js',
        line,
        entry: 'server.js',
        handler: expect.objectContaining(handler),
        middleware: [],
      }),
    );
  });

  it.each([
    ['GET /authors', 7],
    ['POST /authors', 8],
    ['GET /authors/:id', 9],
  ])('%s comes from a router.route() chain (authors.js:%i)', (id, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'authors.js',
        line,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'authors.js', line }),
        middleware: [],
      }),
    );
  });

  it('records the router mount', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/authors', kind: 'router', file: 'server.js', line: 12 }));
  });
});
