import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// Prefixes and paths built with `+` and template literals from imported constants
// (`API + '/users'`, `${API}/v${VERSION}` with a numeric VERSION).
describe('routes/prefix-concatenation-template', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'prefix-concatenation-template');
  });

  it('evaluates concatenations and template literals', () => {
    expect(routeKeys(a)).toEqual([
      'DELETE /api/v2/orders/:id',
      'GET /api/ping',
      'GET /api/users',
      'GET /api/users/:id',
      'GET /api/v2/orders',
      'GET /api/v2/status',
      'POST /api/v2/orders/:id/refund',
    ]);
  });

  it("joins a '/' route under a concatenated prefix to the prefix itself", () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/users',
        file: 'routes/users.ts',
        line: 5,
        handler: expect.objectContaining({ name: 'listUsers', file: 'routes/users.ts', line: 8 }),
        middleware: [],
      }),
    );
  });

  it('evaluates a template-literal path inside a router under a template-literal prefix', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /api/v2/orders/:id/refund',
        file: 'routes/orders.ts',
        line: 8,
        handler: expect.objectContaining({ name: 'refundOrder', file: 'routes/orders.ts', line: 18 }),
        middleware: [],
      }),
    );
  });

  it('names inline arrows <anonymous> at their registration', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/v2/status',
        file: 'server.ts',
        line: 12,
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.ts', line: 12 }),
        middleware: [],
      }),
    );
  });

  it('knows every path statically', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
