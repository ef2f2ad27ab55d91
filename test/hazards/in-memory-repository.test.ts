import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// An in-memory database: a module-level object holding instances of an app class whose methods
// write its own Map field. Reported once per variable, at its first instance, naming the field.
// A module-level instance of a class whose fields are only read (Settings) is not reported.
describe('hazards/in-memory-repository', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'in-memory-repository');
  });

  it('reports the variable holding stateful instances', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MODULE_STATE_SHARED',
        severity: 'warning',
        file: 'db.ts',
        line: 4,
        routes: ['GET /users/:id', 'POST /users'],
        message: expect.stringMatching(/`db` holds 2 in-process `Repository` instances; each keeps its `rows` Map \(repository\.ts:2\), written by insert/),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['MODULE_STATE_SHARED db.ts:4']);
  });
});
