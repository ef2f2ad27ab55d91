import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `routes()` returns a new Router each call, and mounts another factory's router
// (`router.use('/todos', todos())`); server.ts calls it twice, so every route exists under
// both '/api' and '/api/v2', each with the same registration site.
describe('routes/router-factory', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'router-factory');
  });

  it('finds every route of both factory calls', () => {
    expect(routeKeys(a)).toEqual(['GET /api', 'GET /api/todos', 'GET /api/v2', 'GET /api/v2/todos', 'POST /api/todos', 'POST /api/v2/todos']);
  });

  it.each([
    ['GET /api', 'src/routes/index.ts', 6, { name: '<anonymous>', file: 'src/routes/index.ts', line: 6 }],
    ['GET /api/v2', 'src/routes/index.ts', 6, { name: '<anonymous>', file: 'src/routes/index.ts', line: 6 }],
    ['GET /api/todos', 'src/routes/todos.ts', 13, { name: 'list', file: 'src/routes/todos.ts', line: 3 }],
    ['GET /api/v2/todos', 'src/routes/todos.ts', 13, { name: 'list', file: 'src/routes/todos.ts', line: 3 }],
    ['POST /api/todos', 'src/routes/todos.ts', 14, { name: 'create', file: 'src/routes/todos.ts', line: 7 }],
    ['POST /api/v2/todos', 'src/routes/todos.ts', 14, { name: 'create', file: 'src/routes/todos.ts', line: 7 }],
  ])('%s is registered at %s:%i', (id, file, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({ id, file, line, entry: 'src/server.ts', handler: expect.objectContaining(handler), middleware: [] }),
    );
  });

  it('records a mount per factory call', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api', kind: 'router', file: 'src/server.ts', line: 5 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/v2', kind: 'router', file: 'src/server.ts', line: 6 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/todos', kind: 'router', file: 'src/routes/index.ts', line: 9 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/v2/todos', kind: 'router', file: 'src/routes/index.ts', line: 9 }));
  });
});
