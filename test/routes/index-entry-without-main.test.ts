import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// package.json names no `main`, and the app starts as `node index.js`, which picks a command
// and calls `boot()`. Only lib/boot.js calls `listen`, but index.js (npm's default main) is
// what runs it: index.js is the entry, so the boot function is called and its app's routes found.
describe('routes/index-entry-without-main', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'index-entry-without-main');
  });

  it('takes index.js as the entry', () => {
    expect(a.entry).toEqual(['index.js']);
  });

  it('finds the routes of the app boot() starts, guarded by the command check', () => {
    expect(routeKeys(a)).toEqual(['GET /status', 'POST /jobs']);
    expect(a.routes).toContainEqual(
      expect.objectContaining({ id: 'GET /status', file: 'lib/app.js', line: 5, entry: 'index.js', conditional: "!(command === 'migrate')" }),
    );
  });
});
