import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Routers exported by name: TypeScript `export const router = Router()` and, in a CommonJS file
// left over from a migration, `exports.router = router`; both imported as `{ router as x }`.
describe('routes/router-named-exports', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'router-named-exports');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /invoices', 'GET /invoices/:id/pdf', 'GET /legacy/status']);
  });

  it.each([
    ['GET /invoices', 'src/routes/invoices.ts', 5, { name: '<anonymous>', file: 'src/routes/invoices.ts', line: 5 }],
    ['GET /invoices/:id/pdf', 'src/routes/invoices.ts', 8, { name: 'downloadPdf', file: 'src/routes/invoices.ts', line: 10 }],
    ['GET /legacy/status', 'src/routes/legacy.js', 5, { name: '<anonymous>', file: 'src/routes/legacy.js', line: 5 }],
  ])('%s is registered at %s:%i', (id, file, line, handler) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({ id, file, line, entry: 'src/server.ts', handler: expect.objectContaining(handler), middleware: [] }),
    );
  });

  it('resolves both imports', () => {
    expect(a.diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_IMPORT');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_MOUNT');
  });
});
