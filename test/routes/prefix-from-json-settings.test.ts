import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// Prefixes read from settings.json at startup, both through `require('./settings.json')` and
// `JSON.parse(fs.readFileSync(path.join(__dirname, 'settings.json'), 'utf8'))`.
describe('routes/prefix-from-json-settings', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'prefix-from-json-settings');
  });

  it('reads prefixes from the JSON settings file', () => {
    expect(routeKeys(a)).toEqual(['GET /api/items', 'GET /backoffice/stats', 'POST /api/items']);
  });

  it('mounts the router under the required JSON value', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'POST /api/items',
        file: 'routes/items.js',
        line: 9,
        handler: expect.objectContaining({ name: 'createItem', file: 'routes/items.js', line: 9 }),
        middleware: [],
      }),
    );
  });

  it('builds a path from the value parsed out of readFileSync', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /backoffice/stats',
        file: 'server.js',
        line: 13,
        handler: expect.objectContaining({ name: 'stats', file: 'server.js', line: 13 }),
        middleware: [],
      }),
    );
  });

  it('knows every path statically', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
