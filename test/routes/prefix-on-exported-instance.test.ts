import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Ghost's url-utils: a module exports an instance of a package class and assigns the API's mount
// path onto it (`module.exports = new UrlUtils(); module.exports.BASE_API_PATH = '/ghost/api'`).
// The instance is opaque, but what the app assigns onto it is kept and read back, so the routes
// mounted at that path carry it: also through `exports` rebound to the instance and Object.assign.
describe('routes/prefix-on-exported-instance', () => {
  it('reads mount paths the app assigned onto an exported instance of a package class', async () => {
    const a = await analyzeFixture('routes', 'prefix-on-exported-instance');
    expect(routeKeys(a)).toEqual(['GET /ghost/api/posts', 'GET /ghost/setup', 'GET /members/signin']);
    expect(a.diagnostics).toEqual([]);
  });
});
