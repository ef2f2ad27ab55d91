import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// new Function, eval and vm.runInNewContext (DYNAMIC_CODE); require of a computed path and of a
// template with substitutions (DYNAMIC_REQUIRE). `require('./helpers')` is static.
describe('hazards/dynamic-code', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'dynamic-code');
  });

  it('reports code compiled at runtime', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'DYNAMIC_CODE', severity: 'warning', file: 'app.js', line: 15, routes: ['POST /calc'] }));
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'DYNAMIC_CODE', file: 'app.js', line: 16, column: 33, message: expect.stringContaining('eval') }),
    );
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'DYNAMIC_CODE', file: 'app.js', line: 16, column: 57, message: expect.stringContaining('vm.runInNewContext') }),
    );
  });

  it('reports modules chosen at runtime', () => {
    // From a folder the file names beside __dirname: cleave's bundles carry it.
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'DYNAMIC_REQUIRE',
        severity: 'info',
        file: 'app.js',
        line: 9,
        message: expect.stringContaining("from plugins; cleave's bundles carry the modules of that folder"),
      }),
    );
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'DYNAMIC_REQUIRE', severity: 'warning', file: 'app.js', line: 11, advice: expect.stringContaining('static imports') }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'DYNAMIC_CODE app.js:15',
      'DYNAMIC_CODE app.js:16',
      'DYNAMIC_CODE app.js:16',
      'DYNAMIC_REQUIRE app.js:11',
      'DYNAMIC_REQUIRE app.js:9',
    ]);
  });
});
