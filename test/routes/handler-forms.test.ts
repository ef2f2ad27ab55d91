import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Every way a handler is written: inline arrow, inline named function expression, const arrow,
// hoisted declaration used before it is defined, controller object method, class instance
// method, namespace import member, default-exported function, and a CommonJS `exports.fn =`
// required from a TypeScript file. The handler is where the function is declared.
describe('routes/handler-forms', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'handler-forms');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual([
      'GET /comments/:id',
      'GET /download',
      'GET /health',
      'GET /hoisted',
      'GET /inline',
      'GET /named',
      'GET /posts',
      'GET /users',
      'GET /welcome',
    ]);
  });

  it.each([
    ['GET /inline', 16, { name: '<anonymous>', file: 'server.ts', line: 16 }],
    ['GET /named', 19, { name: 'ping', file: 'server.ts', line: 19 }],
    ['GET /welcome', 22, { name: 'welcome', file: 'server.ts', line: 12 }],
    ['GET /hoisted', 23, { name: 'hoisted', file: 'server.ts', line: 32 }],
    ['GET /users', 24, { name: 'users.list', file: 'controllers/users.ts', line: 2 }],
    ['GET /posts', 25, { name: 'PostController.index', file: 'controllers/posts.ts', line: 2 }],
    ['GET /comments/:id', 26, { name: 'show', file: 'controllers/comments.ts', line: 1 }],
    ['GET /health', 27, { name: 'health', file: 'controllers/health.ts', line: 1 }],
    ['GET /download', 28, { name: 'download', file: 'controllers/legacy.js', line: 1 }],
  ])('%s (registered at server.ts:%i) resolves its handler', (id, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'server.ts',
        line,
        handler: expect.objectContaining(handler),
        middleware: [],
      }),
    );
  });
});
