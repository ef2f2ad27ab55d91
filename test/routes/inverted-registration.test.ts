import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Route modules export `(parent) => { parent.use('/auth', local) }` around a module-level
// Router; routes/index.js calls each with its own router, mounted at '/api'. In users.js the
// routes are added to the module-level router after it was mounted, inside the function.
describe('routes/inverted-registration', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'inverted-registration');
  });

  it('finds every route under the parent prefix', () => {
    expect(routeKeys(a)).toEqual(['GET /api/users', 'GET /api/users/:id', 'POST /api/auth/login', 'POST /api/auth/logout']);
  });

  it.each([
    ['POST /api/auth/login', 'routes/auth.js', 5],
    ['POST /api/auth/logout', 'routes/auth.js', 6],
    ['GET /api/users', 'routes/users.js', 8],
    ['GET /api/users/:id', 'routes/users.js', 9],
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

  it('records the mounts made by the registration functions', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/auth', kind: 'router', file: 'routes/auth.js', line: 9 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api/users', kind: 'router', file: 'routes/users.js', line: 6 }));
  });
});
