import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// src/app.ts builds the app and calls `listen` when run on its own; src/index.ts, the real entry,
// imports it, subscribes to events, adds a route and calls `listen` too. The importer is taken,
// and the analysis says so (ENTRY_CHOSEN), naming how to choose the other.
describe('load/two-listen-files-importer-wins', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('load', 'two-listen-files-importer-wins');
  });

  it('takes the importer as the entry and finds the routes it adds', () => {
    expect(a.entry).toEqual(['src/index.ts']);
    expect(routeKeys(a)).toEqual(['GET /health', 'GET /ready']);
  });

  it('reports the choice once, at the chosen entry, with the candidate it imports', () => {
    const chosen = a.diagnostics.filter((d) => d.code === 'ENTRY_CHOSEN');
    expect(chosen).toEqual([
      {
        code: 'ENTRY_CHOSEN',
        severity: 'info',
        file: 'src/index.ts',
        line: 1,
        message: 'src/index.ts imports src/app.ts, which also calls listen; entry: src/index.ts',
        advice: 'pass --entry or set entry: in cleave.config.yaml to choose another',
      },
    ]);
  });

  it('takes an explicit entry instead, and reports no choice', async () => {
    const explicit = await analyzeFixture('load', 'two-listen-files-importer-wins', ['src/app.ts']);
    expect(explicit.entry).toEqual(['src/app.ts']);
    expect(routeKeys(explicit)).toEqual(['GET /health']);
    expect(explicit.diagnostics.map((d) => d.code)).not.toContain('ENTRY_CHOSEN');
  });

  it.each([
    ['an app module imported by the one file that listens', 'same-function-two-entries'],
    ['two independent servers', 'shadowing-per-server'],
  ])('reports no choice for %s', async (_name, fixture) => {
    const other = await analyzeFixture('routes', fixture);
    expect(other.diagnostics.map((d) => d.code)).not.toContain('ENTRY_CHOSEN');
  });
});
