import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `app.use(vhost(host, subApp))`: a library call handed an app and mounted with `use` dispatches
// to that app, so the app is mounted there (at the use's path) and its routes run after the
// parent's middleware. Being mounted, the call is no LIBRARY_ROUTES suspect.
describe('routes/library-wrapped-mount', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'library-wrapped-mount');
  });

  it('finds the routes of both wrapped apps', () => {
    expect(routeKeys(a)).toEqual(['GET /', 'GET /users']);
  });

  it("runs the parent app's middleware before them", () => {
    const requestLog = expect.objectContaining({ name: 'requestLog', scope: 'app', file: 'server.js', line: 10 });
    expect(a.routes).toContainEqual(expect.objectContaining({ id: 'GET /users', file: 'server.js', line: 5, middleware: [requestLog] }));
    expect(a.routes).toContainEqual(expect.objectContaining({ id: 'GET /', file: 'server.js', line: 8, middleware: [requestLog] }));
  });

  it('records the mounts at the use calls', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/', kind: 'app', file: 'server.js', line: 17 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/', kind: 'app', file: 'server.js', line: 18 }));
  });

  it('has nothing to warn about', () => {
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
