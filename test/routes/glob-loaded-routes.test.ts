import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Route modules loaded from a glob listing (glob 7's `sync` with the pattern's `./` kept,
// fast-glob's `sync` with absolute paths): the listing is the app's files the pattern matches.
describe('routes/glob-loaded-routes', () => {
  it('finds the routes of every module the patterns match, and only those', async () => {
    const a = await analyzeFixture('routes', 'glob-loaded-routes');
    expect(routeKeys(a)).toEqual(['GET /about', 'GET /api/books', 'GET /home']);
    expect(a.diagnostics.filter((d) => d.code === 'DYNAMIC_REQUIRE')).toEqual([]);
  });
});
