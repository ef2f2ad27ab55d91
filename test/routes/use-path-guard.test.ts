import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `app.use('/admin', requireAdmin)` (takes next) is path-scoped middleware of every route under
// /admin, whether on a mounted router or on the app itself, and not of /administrators.
// `app.use('/ping', (req, res) => ...)` never calls next: a terminal `USE /ping` route.
describe('routes/use-path-guard', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'use-path-guard');
  });

  const guard = expect.objectContaining({
    name: 'requireAdmin',
    file: 'middleware/auth.ts',
    line: 1,
    scope: 'app',
    path: '/admin',
  });

  it('reports the guard as no route and the terminal use as a USE route', () => {
    expect(routeKeys(a)).toEqual(['DELETE /admin/users/:id', 'GET /admin/stats', 'GET /admin/users', 'GET /administrators', 'GET /public', 'USE /ping']);
  });

  it('puts the guard in front of every route of the router mounted under /admin', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /admin/users',
        file: 'routes/admin.ts',
        line: 5,
        handler: expect.objectContaining({ name: 'listUsers', file: 'routes/admin.ts', line: 5 }),
        middleware: [guard],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'DELETE /admin/users/:id',
        file: 'routes/admin.ts',
        line: 9,
        handler: expect.objectContaining({ name: 'deleteUser', file: 'routes/admin.ts', line: 9 }),
        middleware: [guard],
      }),
    );
  });

  it('puts the guard in front of an app route under /admin', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /admin/stats',
        file: 'server.ts',
        line: 10,
        handler: expect.objectContaining({ name: 'stats', file: 'server.ts', line: 10 }),
        middleware: [guard],
      }),
    );
  });

  it('matches the guard path by segment, not by string prefix', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /administrators',
        handler: expect.objectContaining({ name: 'listAdministrators', file: 'server.ts', line: 14 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /public',
        handler: expect.objectContaining({ name: 'publicPage', file: 'server.ts', line: 20 }),
        middleware: [],
      }),
    );
  });

  it('reports a terminal use(path, fn) as a USE route', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'USE /ping',
        method: 'USE',
        path: '/ping',
        file: 'server.ts',
        line: 18,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.ts', line: 18 }),
        middleware: [],
      }),
    );
  });
});
