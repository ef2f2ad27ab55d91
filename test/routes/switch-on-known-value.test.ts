import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Routes named by convention: a loop over a controller's exports skips reserved names with
// `~[...].indexOf(action)` and picks method and path with a `switch (action)`. The subject is
// known in each iteration, so only the matching clause runs (with fall-through from `remove`
// to `destroy`) and no clause is reported as a guard.
describe('routes/switch-on-known-value', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'switch-on-known-value');
  });

  it('registers one route per action, with the method and path of its own clause', () => {
    expect(routeKeys(a)).toEqual(['DELETE /notes/:id', 'GET /notes', 'GET /notes/:id']);
  });

  it('records no switch case as a condition', () => {
    for (const route of a.routes) expect(route.conditional).toBeUndefined();
  });

  it('resolves each handler to the controller export', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /notes/:id',
        file: 'server.js',
        line: 29,
        handler: expect.objectContaining({ name: 'show', file: 'controllers/notes.js', line: 3 }),
      }),
    );
  });
});
