import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `app.use('/admin', admin)` where `admin = express()` in another file: the sub-app's routes are
// served under '/admin' by the main server (admin/index.js creates an app but is no entry), and
// the sub-app's own `admin.use(requireAdmin)` is router-scope middleware.
describe('routes/sub-app', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'sub-app');
  });

  const requireAdmin = expect.objectContaining({ name: 'requireAdmin', scope: 'router', file: 'admin/index.js', line: 5 });

  it('finds every route, the sub-app ones under its mount path', () => {
    expect(routeKeys(a)).toEqual(['GET /admin', 'GET /admin/users', 'GET /status', 'POST /admin/users/:id/ban']);
  });

  it.each([
    ['GET /admin', 11],
    ['GET /admin/users', 12],
    ['POST /admin/users/:id/ban', 13],
  ])('%s (admin/index.js:%i) belongs to server.js behind requireAdmin', (id, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'admin/index.js',
        line,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'admin/index.js', line }),
        middleware: [requireAdmin],
      }),
    );
  });

  it('keeps sub-app middleware off the main app routes', () => {
    expect(a.routes).toContainEqual(expect.objectContaining({ id: 'GET /status', file: 'server.js', line: 5, entry: 'server.js', middleware: [] }));
  });

  it('records the mount as an app', () => {
    expect(a.entry).toEqual(['server.js']);
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/admin', kind: 'app', file: 'server.js', line: 6 }));
  });
});
