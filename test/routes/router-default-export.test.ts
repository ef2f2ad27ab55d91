import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// A TypeScript router module ending in `export default router`, imported by default and mounted
// under '/api/users'; its `router.get('/')` is '/api/users' itself. Handlers are exported
// function declarations placed after the registrations.
describe('routes/router-default-export', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'router-default-export');
  });

  const json = expect.objectContaining({
    name: 'express.json()',
    scope: 'app',
    package: 'express',
    file: 'src/server.ts',
    line: 5,
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /api/users', 'GET /api/users/:id', 'POST /api/users']);
  });

  it.each([
    ['GET /api/users', 5, { name: 'listUsers', file: 'src/routes/users.ts', line: 11 }],
    ['GET /api/users/:id', 6, { name: 'getUser', file: 'src/routes/users.ts', line: 15 }],
    ['POST /api/users', 7, { name: '<anonymous>', file: 'src/routes/users.ts', line: 7 }],
  ])('%s is registered at src/routes/users.ts:%i', (id, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'src/routes/users.ts',
        line,
        entry: 'src/server.ts',
        handler: expect.objectContaining(handler),
        middleware: [json],
      }),
    );
  });

  it('records the mount of the default-exported router', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/users', kind: 'router', file: 'src/server.ts', line: 6 }));
  });
});
