import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Handlers behind wrappers (`asyncHandler(getUser)`, `catchAsync(createUser)`) resolve to the
// wrapped function's declaration; a factory defined in the app (`login()`) resolves to the
// function it returns. Middleware factories are named by their call text.
describe('routes/wrapper-factories', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'wrapper-factories');
  });

  const json = expect.objectContaining({ name: 'express.json()', scope: 'app', package: 'express' });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /users/:id', 'POST /auth/login', 'POST /users']);
  });

  it('sees through asyncHandler(getUser) to getUser', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users/:id',
        file: 'routes/users.js',
        line: 11,
        handler: expect.objectContaining({ name: 'getUser', file: 'controllers/users.js', line: 1 }),
        middleware: [json, expect.objectContaining({ name: "auth('getUsers')", scope: 'route' })],
      }),
    );
  });

  it('sees through catchAsync(createUser) and names validate(schema) by its call text', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /users',
        file: 'routes/users.js',
        line: 12,
        handler: expect.objectContaining({ name: 'createUser', file: 'controllers/users.js', line: 5 }),
        middleware: [
          json,
          expect.objectContaining({ name: "auth('manageUsers')", scope: 'route' }),
          expect.objectContaining({ name: 'validate(createUserSchema)', scope: 'route' }),
        ],
      }),
    );
  });

  it('resolves login() to the function it returns, and names passport.authenticate by its call', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /auth/login',
        file: 'routes/auth.js',
        line: 7,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'controllers/auth.js', line: 2 }),
        middleware: [
          json,
          expect.objectContaining({
            name: "passport.authenticate('local', { session: false })",
            scope: 'route',
            package: 'passport',
          }),
        ],
      }),
    );
  });

  it('does not mistake a wrapper or a factory for the handler', () => {
    const names = a.routes.map((r) => r.handler.name);
    expect(names).not.toContain('asyncHandler(getUser)');
    expect(names).not.toContain('catchAsync(createUser)');
    expect(names).not.toContain('login()');
  });
});
