import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// A data layer picked by a computed require (`require('./drivers/' + driver)`): any module of
// that folder may load, so each is in the closure of the routes that use the store and is
// scanned for hazards; the memory driver's Map is shared state of the route that writes it, on
// the condition that the require picks the memory driver.
describe('hazards/dynamic-data-layer', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'dynamic-data-layer');
  });

  it('puts every candidate driver in the closure of the route that uses the store', () => {
    expect(a.routes.find((r) => r.id === 'POST /save/:k')?.deps.files).toEqual(['drivers/memory.js', 'drivers/redis.js', 'server.js', 'store.js']);
    expect(a.routes.find((r) => r.id === 'GET /health')?.deps.files).toEqual(['server.js']);
  });

  it("reports the memory driver's Map for that route, beside the computed require", () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'MODULE_STATE_SHARED', file: 'drivers/memory.js', line: 1, routes: ['POST /save/:k'] }));
    expect(hazardSites(a)).toEqual(['DYNAMIC_REQUIRE store.js:2', 'MODULE_STATE_SHARED drivers/memory.js:1']);
  });

  it('marks it conditional on the require that picks the driver', () => {
    const state = a.hazards.find((h) => h.file === 'drivers/memory.js')!;
    expect(state.pickedBy).toEqual({ file: 'store.js', line: 2 });
    expect(state.message).toMatch(/\(only when `require\('\.\/drivers\/' \+ .*` at store\.js:2 picks this module\)$/);
    expect(a.hazards.find((h) => h.code === 'DYNAMIC_REQUIRE')?.pickedBy).toBeUndefined();
  });
});
