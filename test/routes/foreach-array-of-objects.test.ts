import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// node-express-boilerplate style: `defaultRoutes.forEach((route) => router.use(route.path,
// route.route))` over a module-level array of `{ path, route }` objects, mounted under '/v1';
// controllers are `const` arrows exported in an object; src/app.js exports the app and
// src/index.js listens.
describe('routes/foreach-array-of-objects', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'foreach-array-of-objects');
  });

  const json = expect.objectContaining({
    name: 'express.json()',
    scope: 'app',
    package: 'express',
    file: 'src/app.js',
    line: 5,
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /v1/users', 'GET /v1/users/:userId', 'POST /v1/auth/login', 'POST /v1/auth/register', 'POST /v1/users']);
  });

  it.each([
    ['POST /v1/auth/register', 'src/routes/v1/auth.route.js', 6, 'register', 'src/controllers/auth.controller.js', 1],
    ['POST /v1/auth/login', 'src/routes/v1/auth.route.js', 7, 'login', 'src/controllers/auth.controller.js', 5],
    ['POST /v1/users', 'src/routes/v1/user.route.js', 6, 'createUser', 'src/controllers/user.controller.js', 1],
    ['GET /v1/users', 'src/routes/v1/user.route.js', 6, 'getUsers', 'src/controllers/user.controller.js', 5],
    ['GET /v1/users/:userId', 'src/routes/v1/user.route.js', 7, 'getUser', 'src/controllers/user.controller.js', 9],
  ])('%s is registered at %s:%i', (id, file, line, name, handlerFile, handlerLine) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'src/index.js',
        handler: expect.objectContaining({ name, file: handlerFile, line: handlerLine }),
        middleware: [json],
      }),
    );
  });

  it('records one mount per array element, at the forEach body', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/v1/auth', kind: 'router', file: 'src/routes/v1/index.js', line: 19 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/v1/users', kind: 'router', file: 'src/routes/v1/index.js', line: 19 }));
    expect(a.diagnostics.map((d) => d.code)).not.toContain('DYNAMIC_REGISTRATION');
  });
});
