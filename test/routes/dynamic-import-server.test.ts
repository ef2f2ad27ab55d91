import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// The entry src/index.ts gets its app from `await import('./server')`; server.ts mounts a
// router it loads with `import('./routes/reports').then((m) => app.use('/reports', m.default))`.
// Every route is served by the entry that was given.
describe('routes/dynamic-import-server', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'dynamic-import-server', ['src/index.ts']);
  });

  it('follows both dynamic imports', () => {
    expect(a.entry).toEqual(['src/index.ts']);
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /reports', 'GET /reports/:id']);
  });

  it.each([
    ['GET /health', 'src/server.ts', 5],
    ['GET /reports', 'src/routes/reports.ts', 5],
    ['GET /reports/:id', 'src/routes/reports.ts', 8],
  ])('%s is registered at %s:%i', (id, file, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'src/index.ts',
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware: [],
      }),
    );
  });

  it('records the mount made in the .then callback', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/reports', kind: 'router', file: 'src/server.ts', line: 9 }));
    expect(a.diagnostics.map((d) => d.code)).not.toContain('UNRESOLVED_IMPORT');
  });
});
