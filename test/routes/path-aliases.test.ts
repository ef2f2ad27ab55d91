import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// TypeScript app whose imports go through the tsconfig.json alias `@/*` → `src/*`
// (`import usersRouter from '@/routes/users'`), for routers, handlers and middleware alike.
describe('routes/path-aliases', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'path-aliases');
  });

  it('follows aliased imports to the router', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /users', 'GET /users/:id']);
  });

  it('resolves handlers and middleware imported through the alias', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users/:id',
        file: 'src/routes/users.ts',
        line: 8,
        handler: expect.objectContaining({ name: 'getUser', file: 'src/controllers/users.ts', line: 5 }),
        middleware: [expect.objectContaining({ name: 'requireAuth', scope: 'route', file: 'src/middleware/auth.ts', line: 1 })],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users',
        file: 'src/routes/users.ts',
        line: 7,
        handler: expect.objectContaining({ name: 'listUsers', file: 'src/controllers/users.ts', line: 1 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'src/server.ts',
        line: 8,
        handler: expect.objectContaining({ name: 'health', file: 'src/controllers/health.ts', line: 1 }),
        middleware: [],
      }),
    );
  });

  it('resolves every alias', () => {
    expect(diagnosticCodes(a)).not.toContain('UNRESOLVED_IMPORT');
    expect(diagnosticCodes(a)).not.toContain('UNRESOLVED_MOUNT');
  });
});
