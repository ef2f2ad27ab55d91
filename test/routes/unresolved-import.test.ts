import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `require('./routes/gone')` names a file that does not exist: UNRESOLVED_IMPORT at the require,
// and the rest of the app is still analysed. Bare package imports (`express`, not installed in
// the fixture) are not unresolved imports.
describe('routes/unresolved-import', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'unresolved-import');
  });

  it('still finds the other routes', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /users', 'GET /users/:id']);
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users/:id',
        file: 'routes/users.js',
        line: 9,
        handler: expect.objectContaining({ name: 'getUser', file: 'routes/users.js', line: 9 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'server.js',
        line: 10,
        handler: expect.objectContaining({ name: 'health', file: 'server.js', line: 10 }),
        middleware: [],
      }),
    );
  });

  it('reports the missing module once, at its require', () => {
    const unresolved = a.diagnostics.filter((d) => d.code === 'UNRESOLVED_IMPORT');
    expect(unresolved).toEqual([
      expect.objectContaining({
        code: 'UNRESOLVED_IMPORT',
        severity: 'warning',
        file: 'server.js',
        line: 3,
        message: expect.stringContaining('./routes/gone'),
      }),
    ]);
  });
});
