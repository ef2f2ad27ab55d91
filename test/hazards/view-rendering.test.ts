import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// The view engine setting and each res.render, info, also after a chained call
// (`res.status(404).render(...)`, missed on node-express-mongoose-demo); `app.set('views', ...)`
// and `app.get('view engine')` are not reported.
describe('hazards/view-rendering', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'view-rendering');
  });

  it('reports the template engine', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'VIEW_RENDERING',
        severity: 'info',
        file: 'app.js',
        line: 6,
        message: expect.stringContaining("app.set('view engine', 'ejs')"),
      }),
    );
  });

  it('reports res.render for its route', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'VIEW_RENDERING',
        severity: 'info',
        file: 'app.js',
        line: 9,
        routes: ['GET /'],
        advice: expect.stringContaining('views'),
      }),
    );
  });

  it('reports a render after a chained status', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'VIEW_RENDERING', file: 'app.js', line: 17, message: expect.stringContaining("res.status(404).render('404'") }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['VIEW_RENDERING app.js:17', 'VIEW_RENDERING app.js:6', 'VIEW_RENDERING app.js:9']);
  });
});
