import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// express.static under a path and serve-favicon (app-level, so in every route's chain): info.
describe('hazards/static-assets', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'static-assets');
  });

  it('reports express.static with its mount path', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'STATIC_ASSETS',
        severity: 'info',
        file: 'app.js',
        line: 7,
        message: expect.stringContaining('at /static'),
        advice: expect.stringContaining('CloudFront'),
      }),
    );
  });

  it('reports serve-favicon for the routes it runs before', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'STATIC_ASSETS', file: 'app.js', line: 6, routes: ['GET /api/ping'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['STATIC_ASSETS app.js:6', 'STATIC_ASSETS app.js:7']);
  });
});
