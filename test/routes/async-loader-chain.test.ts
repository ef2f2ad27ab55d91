import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// bulletproof-style boot: `startServer()` creates the app and `await loaders({ app })`, which
// awaits a database loader and then `expressLoader({ app })`. That loader registers /status
// (before `express.json()`, so without it) and mounts `routes()` under `config.api.prefix`
// from an imported config object; `routes()` hands its router to route modules that mount a
// module-level router on it and then add routes to it.
describe('routes/async-loader-chain', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'async-loader-chain');
  });

  const json = expect.objectContaining({
    name: 'express.json()',
    scope: 'app',
    package: 'express',
    file: 'src/loaders/express.ts',
    line: 13,
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /api/users/me', 'GET /status', 'HEAD /status', 'POST /api/auth/signin', 'POST /api/auth/signup']);
  });

  it.each([
    ['GET /status', 'src/loaders/express.ts', 6, []],
    ['HEAD /status', 'src/loaders/express.ts', 9, []],
    ['POST /api/auth/signup', 'src/api/routes/auth.ts', 8, [json]],
    ['POST /api/auth/signin', 'src/api/routes/auth.ts', 11, [json]],
  ])('%s is registered at %s:%i', (id, file, line, middleware) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'src/app.ts',
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware,
      }),
    );
  });

  it('keeps the route-level isAuth after the app-level express.json()', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/users/me',
        file: 'src/api/routes/user.ts',
        line: 9,
        entry: 'src/app.ts',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'src/api/routes/user.ts', line: 9 }),
        middleware: [json, expect.objectContaining({ name: 'isAuth', scope: 'route', file: 'src/api/middlewares/is-auth.ts', line: 3 })],
      }),
    );
  });

  it('knows the prefix from the config object', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api', kind: 'router', file: 'src/loaders/express.ts', line: 14 }));
    expect(a.diagnostics.map((d) => d.code)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
