import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `for (const [path, router] of routes) app.use(path, router)` over a module-level
// `new Map([...])` literal, and `for (const probe of probes) app.get(probe, ...)` over a
// module-level array of paths: both are literal, so nothing is dynamic.
describe('routes/loop-over-map', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'loop-over-map');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /healthz', 'GET /posts', 'GET /posts/:id', 'GET /readyz', 'GET /users', 'POST /users']);
  });

  it.each([
    ['GET /users', 'routes/users.js', 4],
    ['POST /users', 'routes/users.js', 5],
    ['GET /posts', 'routes/posts.js', 4],
    ['GET /posts/:id', 'routes/posts.js', 5],
    ['GET /healthz', 'server.js', 18],
    ['GET /readyz', 'server.js', 18],
  ])('%s is registered at %s:%i', (id, file, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware: [],
      }),
    );
  });

  it('records one mount per Map entry, at the loop body', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/users', kind: 'router', file: 'server.js', line: 14 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/posts', kind: 'router', file: 'server.js', line: 14 }));
  });

  it('reports nothing dynamic', () => {
    const codes = a.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('DYNAMIC_REGISTRATION');
    expect(codes).not.toContain('DYNAMIC_ROUTE_PATH');
    expect(codes).not.toContain('UNRESOLVED_MOUNT');
  });
});
