import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// routes/broken.ts does not parse: SYNTAX_ERROR (severity error) naming it, and the routes of
// every other file are still found. Nothing is reported from inside the broken file.
describe('routes/syntax-error', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'syntax-error');
  });

  it('still finds the routes of the other files', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /users']);
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users',
        file: 'routes/users.ts',
        line: 5,
        handler: expect.objectContaining({ name: 'listUsers', file: 'routes/users.ts', line: 5 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'server.ts',
        line: 10,
        handler: expect.objectContaining({ name: 'health', file: 'server.ts', line: 10 }),
        middleware: [],
      }),
    );
  });

  it('reports the file that does not parse', () => {
    const errors = a.diagnostics.filter((d) => d.code === 'SYNTAX_ERROR');
    expect(errors).toEqual([expect.objectContaining({ code: 'SYNTAX_ERROR', severity: 'error', file: 'routes/broken.ts' })]);
  });
});
