import { analyzeFixture } from '../support/analyze-fixture';

// Negative: patterns that look like hazards but are fine in a function. Settings read once at
// startup, Maps/objects/Sets filled at boot and only read later, a WeakMap keyed by request, a
// lazily created pool, a one-way `warmedUp` flag, an exported register() and a
// `module.exports = function (app)` configurer (app.locals, a module array) only called at
// boot, a parameter shadowing a module-level array, res.locals, local Maps and arrays in a
// handler, a timeout inside a handler, a pause and a timeout race awaited at boot, a 1mb body limit and a call to a third-party API.
describe('hazards/no-hazards', () => {
  it('reports no hazard', async () => {
    const a = await analyzeFixture('hazards', 'no-hazards');
    expect(a.hazards).toEqual([]);
  });
});
