import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// The view engine setting and each res.render, info; `app.set('views', ...)` and
// `app.get('view engine')` are not reported.
describe('hazards/view-rendering', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'view-rendering');
  });

  it('reports the template engine', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'VIEW_RENDERING', severity: 'info', file: 'app.js', line: 6, message: expect.stringContaining("app.set('view engine', 'ejs')") }));
  });

  it('reports res.render for its route', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'VIEW_RENDERING', severity: 'info', file: 'app.js', line: 9, routes: ['GET /'], advice: expect.stringContaining('views') }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['VIEW_RENDERING app.js:6', 'VIEW_RENDERING app.js:9']);
  });
});
