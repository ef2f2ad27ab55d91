import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// A `switch` on a value known only at run time (an env var): every clause may run, so each
// clause's routes are kept, guarded by its case; the default clause's guard is that no case
// matched.
describe('routes/switch-on-unknown-value', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'switch-on-unknown-value');
  });

  it('keeps the routes of every clause', () => {
    expect(routeKeys(a)).toEqual(['GET /docs', 'GET /internal/docs']);
  });

  it('records the case, or the failed cases of the default clause, as the condition', () => {
    expect(a.routes).toContainEqual(expect.objectContaining({ id: 'GET /internal/docs', line: 9, conditional: "process.env.API_DOCS === 'internal'" }));
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /docs',
        line: 12,
        conditional: "process.env.API_DOCS !== 'off' && process.env.API_DOCS !== 'internal'",
      }),
    );
  });
});
