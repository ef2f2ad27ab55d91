import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// tools/reload.js calls `listen` on a live-reload server and imports nothing that leads to
// express: it is not an entry. Only server.js is, and it alone serves routes.
describe('routes/listen-without-express', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'listen-without-express');
  });

  it('takes only the express server as an entry', () => {
    expect(a.entry).toEqual(['server.js']);
    expect(routeKeys(a)).toEqual(['GET /']);
  });

  it('has nothing to warn about', () => {
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
