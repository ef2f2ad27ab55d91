import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// Secrets with committed fallbacks: a destructuring default from process.env and `?? 'literal'`.
// Not secrets (PORT, LOG_LEVEL, MODE) and an empty fallback are not reported.
describe('hazards/secret-fallback', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'secret-fallback');
  });

  it('reports secrets with committed fallbacks', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'SECRET_FALLBACK',
        severity: 'warning',
        file: 'config.js',
        line: 1,
        message: expect.stringContaining('`JWT_SECRET` falls back to a value committed with the code (a 9-character string, not repeated here)'),
        advice: expect.stringContaining('Secrets Manager'),
      }),
    );
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'SECRET_FALLBACK',
        file: 'config.js',
        line: 5,
        routes: ['GET /config'],
        message: expect.stringContaining('PAYMENTS_API_KEY'),
      }),
    );
  });

  it('never copies the committed value into the message', () => {
    const messages = a.hazards.map((h) => h.message).join('\n');
    expect(messages).not.toContain('change-me');
    expect(messages).not.toContain('sk_test_123');
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['SECRET_FALLBACK config.js:1', 'SECRET_FALLBACK config.js:5']);
  });
});
