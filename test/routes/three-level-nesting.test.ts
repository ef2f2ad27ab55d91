import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// app → '/api' router → '/v1' router → '/users' router, each in its own file, with middleware at
// every level: `app.use(requestId)` (app), `api.use(authenticate)` (router), and the route's own
// `validateId` (route), in that order.
describe('routes/three-level-nesting', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'three-level-nesting');
  });

  const requestId = expect.objectContaining({ name: 'requestId', scope: 'app', file: 'src/middleware.ts', line: 3 });
  const authenticate = expect.objectContaining({
    name: 'authenticate',
    scope: 'router',
    file: 'src/middleware.ts',
    line: 8,
  });
  const validateId = expect.objectContaining({ name: 'validateId', scope: 'route', file: 'src/middleware.ts', line: 16 });

  it('joins the three prefixes', () => {
    expect(routeKeys(a)).toEqual(['GET /api/v1/users', 'GET /api/v1/users/:id', 'GET /api/v1/users/:id/posts']);
  });

  it.each([
    ['GET /api/v1/users', 6, { name: 'listUsers', file: 'src/api/v1/users.ts', line: 10 }, [requestId, authenticate]],
    ['GET /api/v1/users/:id', 7, { name: 'getUser', file: 'src/api/v1/users.ts', line: 14 }, [requestId, authenticate, validateId]],
    ['GET /api/v1/users/:id/posts', 8, { name: 'listUserPosts', file: 'src/api/v1/users.ts', line: 18 }, [requestId, authenticate, validateId]],
  ])('%s (src/api/v1/users.ts:%i) runs app, router then route middleware', (id, line, handler, middleware) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'src/api/v1/users.ts',
        line,
        entry: 'src/app.ts',
        handler: expect.objectContaining(handler),
        middleware,
      }),
    );
  });

  it('records each mount with its full path', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api', kind: 'router', file: 'src/app.ts', line: 7 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/v1', kind: 'router', file: 'src/api/index.ts', line: 7 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/v1/users', kind: 'router', file: 'src/api/v1/index.ts', line: 5 }));
  });
});
