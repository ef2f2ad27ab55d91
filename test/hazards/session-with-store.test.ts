import { analyzeFixture } from '../support/analyze-fixture';

// Negative: express-session with a Redis store (through a variable and inline), csurf keeping its
// secret in a cookie, and a lazily created client (`client ??= ...`) report nothing.
describe('hazards/session-with-store', () => {
  it('reports no hazard', async () => {
    const a = await analyzeFixture('hazards', 'session-with-store');
    expect(a.hazards).toEqual([]);
  });
});
