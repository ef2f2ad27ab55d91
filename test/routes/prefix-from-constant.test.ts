import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// Paths and prefixes held in module-level constants, some imported from another file.
describe('routes/prefix-from-constant', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'prefix-from-constant');
  });

  it('resolves constant paths and an imported constant under a constant prefix', () => {
    expect(routeKeys(a)).toEqual(['GET /api/v1/users', 'GET /api/v1/users/:id', 'GET /healthz']);
  });

  it('reports the registration site and declared handler', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /healthz',
        method: 'GET',
        path: '/healthz',
        file: 'server.ts',
        line: 9,
        handler: expect.objectContaining({ name: 'health', file: 'server.ts', line: 9 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/v1/users/:id',
        file: 'routes/users.ts',
        line: 7,
        handler: expect.objectContaining({ name: 'getUser', file: 'routes/users.ts', line: 13 }),
        middleware: [],
      }),
    );
  });

  it('knows every path statically', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
