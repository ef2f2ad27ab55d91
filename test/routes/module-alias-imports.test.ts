import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Imports of the app's own files through module-alias's `_moduleAliases` (package.json) and the
// `NODE_PATH` its start script sets: followed as the started app resolves them.
describe('routes/module-alias-imports', () => {
  it('finds the routes behind aliased requires, with their closures and module graph', async () => {
    const a = await analyzeFixture('routes', 'module-alias-imports');
    expect(routeKeys(a)).toEqual(['GET /api/posts', 'GET /api/users']);
    expect(a.routes.find((r) => r.id === 'GET /api/users')!.deps.files).toContain('app/models/user.js');
    expect(a.modules?.files['server.js']?.aliases).toEqual({
      '@root/app/routes/posts': 'app/routes/posts.js',
      '@routes/users': 'app/routes/users.js',
      'config/settings': 'lib/config/settings.js',
    });
  });
});
