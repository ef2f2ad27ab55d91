import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// One `buildApp()` is called by the server (server.js) and by the app's test factory
// (test/helpers/test-app.js). Its routes are reported once, whether the factory is found as an
// entry or not; when both are given, the routes belong to the first entry, the server.
describe('routes/same-function-two-entries', () => {
  const json = expect.objectContaining({ name: 'express.json()', scope: 'app', package: 'express', file: 'app.js', line: 5 });
  const expectWidgets = (a: Analysis): void => {
    expect(routeKeys(a)).toEqual(['GET /widgets', 'POST /widgets']);
    for (const [id, line] of [
      ['GET /widgets', 6],
      ['POST /widgets', 7],
    ] as const) {
      expect(a.routes).toContainEqual(
        expect.objectContaining({
          id,
          file: 'app.js',
          line,
          entry: 'server.js',
          handler: expect.objectContaining({ name: '<anonymous>', file: 'app.js', line }),
          middleware: [json],
        }),
      );
    }
  };

  it('reports the routes once with the discovered entries', async () => {
    const a = await analyzeFixture('routes', 'same-function-two-entries');
    expect(a.entry).toContain('server.js');
    expectWidgets(a);
  });

  it('reports the routes once when both files are entries', async () => {
    const a = await analyzeFixture('routes', 'same-function-two-entries', ['server.js', 'test/helpers/test-app.js']);
    expect(a.entry).toEqual(['server.js', 'test/helpers/test-app.js']);
    expectWidgets(a);
  });
});
