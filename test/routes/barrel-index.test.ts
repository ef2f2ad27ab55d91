import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Routers imported through a barrel `routes/index.ts` that re-exports two default exports under
// new names and `export *` of a named router; the routes belong to the leaf files.
describe('routes/barrel-index', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'barrel-index');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['DELETE /users/:id', 'GET /healthz', 'GET /posts', 'GET /users']);
  });

  it.each([
    ['GET /users', 'src/routes/users.ts', 5],
    ['DELETE /users/:id', 'src/routes/users.ts', 8],
    ['GET /posts', 'src/routes/posts.ts', 5],
    ['GET /healthz', 'src/routes/health.ts', 5],
  ])('%s is registered at %s:%i, behind the barrel', (id, file, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'src/server.ts',
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware: [],
      }),
    );
  });

  it('resolves every re-export', () => {
    expect(a.diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_IMPORT');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_MOUNT');
  });
});
