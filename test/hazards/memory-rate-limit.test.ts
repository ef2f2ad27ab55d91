import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// express-rate-limit without a store and rate-limiter-flexible's RateLimiterMemory count per
// instance; a limiter with a Redis store does not.
describe('hazards/memory-rate-limit', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'memory-rate-limit');
  });

  it('reports a limiter without a store for the routes behind it', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MEMORY_RATE_LIMIT',
        severity: 'warning',
        file: 'app.js',
        line: 8,
        routes: ['GET /api/items'],
        advice: expect.stringContaining('rate-limit-redis'),
      }),
    );
  });

  it('reports an in-memory rate limiter used in a handler', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'MEMORY_RATE_LIMIT', file: 'app.js', line: 10, routes: ['POST /otp'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['MEMORY_RATE_LIMIT app.js:10', 'MEMORY_RATE_LIMIT app.js:8']);
  });
});
