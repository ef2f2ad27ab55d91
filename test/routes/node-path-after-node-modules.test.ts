import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `NODE_PATH=src` in the start script: Node looks a bare name up in node_modules first and in the
// NODE_PATH folders only when no package has it. `require('config')` is the installed package, not
// src/config.js; `require('routes/users')` is src/routes/users.js.
describe('routes/node-path-after-node-modules', () => {
  it('resolves a bare name to the installed package before a NODE_PATH file of the same name', async () => {
    const a = await analyzeFixture('routes', 'node-path-after-node-modules');
    expect(routeKeys(a)).toEqual(['GET /api/users']);
    const route = a.routes[0]!;
    expect(route.deps.files).toContain('src/routes/users.js');
    expect(route.deps.files).not.toContain('src/config.js');
    expect(route.deps.packages).toContain('config');
    expect(a.modules?.files['src/server.js']?.aliases).toEqual({ 'routes/users': 'src/routes/users.js' });
  });
});
