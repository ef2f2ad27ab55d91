import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// State made inside a factory that the app calls once at boot (`const cache = makeCache()`)
// lives as long as the process, like module state: the LRU cache its closures write per request
// is reported, for the route that writes it. No false alarms: a registry filled at boot and only
// read after, and a rate limiter from a factory nobody calls.
describe('hazards/factory-state', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'factory-state');
  });

  it('reports the cache the boot-time factory makes, for the route that writes it', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MODULE_STATE_SHARED',
        severity: 'warning',
        file: 'cache.js',
        line: 3,
        routes: ['GET /cached/:k'],
        message: expect.stringContaining('in-memory cache `cache` (made by makeCache(), called at boot) is written after startup'),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['MODULE_STATE_SHARED cache.js:3']);
  });
});
