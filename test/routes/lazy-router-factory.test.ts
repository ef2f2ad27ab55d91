import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Lazily built routers: `use('/api', lazyLoad(() => import('./api.js')))` and
// `use('/admin', lazyLoad(() => Promise.resolve(createAdmin())))`. The library is not modelled,
// but its callback yields a router (directly or as a module's default export), so the call
// stands for that router and its routes get the mount prefix.
describe('routes/lazy-router-factory', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'lazy-router-factory');
  });

  it('mounts what each lazy loader yields under its prefix', () => {
    expect(routeKeys(a)).toEqual(['GET /admin', 'GET /api/status', 'POST /admin/cache/clear']);
  });

  it('records both mounts', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api', kind: 'router', file: 'server.js', line: 9 }));
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/admin', kind: 'app', file: 'server.js', line: 10 }));
  });

  it('has nothing to warn about', () => {
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
