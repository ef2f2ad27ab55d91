import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Mount prefixes read from settings (node-config's `config.apiPrefix`, `config.get('admin.prefix')`)
// are paths whose value only run time knows: the routes under them are `{?}/...` with a diagnostic
// naming the expression, never routes at the root. A call before a router (`cors()`) stays middleware.
describe('routes/prefix-from-settings', () => {
  it('keeps an unknown settings prefix as {?} and says which expression it is', async () => {
    const a = await analyzeFixture('routes', 'prefix-from-settings');
    expect(routeKeys(a)).toEqual(['GET /open', 'GET {?}/stats', 'GET {?}/users']);
    expect(a.diagnostics.filter((d) => d.code === 'DYNAMIC_ROUTE_PATH').map((d) => `${d.line}: ${d.message}`)).toEqual([
      '8: path not statically known: config.apiPrefix (shown as {?})',
      "9: path not statically known: config.get('admin.prefix') (shown as {?})",
    ]);
    expect(a.routes.find((r) => r.id === 'GET /open')!.middleware.map((m) => m.name)).toContain('cors()');
  });
});

// node-config with its defaults in the app's config/default.json: the prefixes are read from
// there, as soft defaults (a deployment's file may override them), so a comparison on a setting
// stays a condition on the route.
describe('routes/prefix-from-node-config', () => {
  it("reads the prefixes from config/default.json, through properties and get('a.b')", async () => {
    const a = await analyzeFixture('routes', 'prefix-from-node-config');
    expect(routeKeys(a)).toEqual(['GET /admin/stats', 'GET /api/v2/users', 'GET /tls-only']);
    expect(a.diagnostics.filter((d) => d.code === 'DYNAMIC_ROUTE_PATH')).toEqual([]);
    expect(a.routes.find((r) => r.id === 'GET /tls-only')!.conditional).toBe("config.get('port') === 80");
  });
});
