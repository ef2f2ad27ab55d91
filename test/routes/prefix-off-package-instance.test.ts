import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// A property the app never assigned, read off an instance of a package class before a router, is
// a mount path only run time knows: `{?}/...` with a diagnostic naming the expression, never routes
// at the root. Express calls middleware detached from its object, so an instance's method read
// without a call is no middleware; a package module's own property (`i18n.init`) may be, and stays so.
describe('routes/prefix-off-package-instance', () => {
  it('keeps an unknown prefix read off a package instance as {?}, and a module property as middleware', async () => {
    const a = await analyzeFixture('routes', 'prefix-off-package-instance');
    expect(routeKeys(a)).toEqual(['GET /hello', 'GET {?}/posts']);
    expect(a.diagnostics.filter((d) => d.code === 'DYNAMIC_ROUTE_PATH').map((d) => `${d.line}: ${d.message}`)).toEqual([
      '8: path not statically known: urls.apiPath (shown as {?})',
    ]);
    expect(a.routes.find((r) => r.id === 'GET /hello')!.middleware.map((m) => m.name)).toContain('i18n.init');
    expect(a.routes.find((r) => r.id === 'GET {?}/posts')!.middleware).toEqual([]);
  });
});
