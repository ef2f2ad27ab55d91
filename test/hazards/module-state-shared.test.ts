import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// Module-level state written at request time: a Map set in a handler, a counter, an array
// pushed by app-level middleware, app.locals written in a handler, and an array of another file
// mutated through its import. Not reported: a Map created in the handler, a config object only
// read, a Map filled at boot and only read later, a WeakMap keyed by request, a lazily created
// client (`if (!client) client = ...`), and a parameter that shadows a module-level Set.
describe('hazards/module-state-shared', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'module-state-shared');
  });

  it('reports each written variable at its declaration, with the routes that use it', () => {
    const state = (file: string, line: number, routes: string[]) =>
      expect.objectContaining({ code: 'MODULE_STATE_SHARED', severity: 'warning', file, line, routes });
    expect(a.hazards).toContainEqual(state('app.js', 4, ['GET /items/:id']));
    expect(a.hazards).toContainEqual(state('app.js', 5, ['GET /items/:id']));
    expect(a.hazards).toContainEqual(state('app.js', 6, ['GET /items/:id', 'POST /plugins', 'POST /visits']));
    expect(a.hazards).toContainEqual(state('registry.js', 1, ['POST /plugins']));
  });

  it('names the kind of state and where it is written', () => {
    const cache = a.hazards.find((h) => h.file === 'app.js' && h.line === 4);
    expect(cache).toMatchObject({ column: 7, message: expect.stringContaining('module-level Map `cache`') });
    expect(cache?.message).toContain('at line 31');
    expect(a.hazards.find((h) => h.file === 'app.js' && h.line === 5)?.message).toContain('module-level counter `hits`');
    expect(a.hazards.find((h) => h.file === 'registry.js')?.message).toContain('app.js:41');
    expect(cache?.advice).toMatch(/DynamoDB|Redis/);
  });

  it('reports app.locals written in a handler at the write', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MODULE_STATE_SHARED',
        file: 'app.js',
        line: 36,
        routes: ['POST /visits'],
        message: expect.stringContaining('app.locals'),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'MODULE_STATE_SHARED app.js:36',
      'MODULE_STATE_SHARED app.js:4',
      'MODULE_STATE_SHARED app.js:5',
      'MODULE_STATE_SHARED app.js:6',
      'MODULE_STATE_SHARED registry.js:1',
    ]);
  });
});
