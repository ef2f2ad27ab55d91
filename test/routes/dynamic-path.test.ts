import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Prefixes that are not statically known: `process.env.PREFIX` with no default as a mount path,
// and a function parameter (`register(app, process.env.TENANT_BASE)` → `base + '/items'`,
// `${base}/items/:id`). The unknown part is `{?}` with a DYNAMIC_ROUTE_PATH diagnostic; no path
// is invented ('undefined', '/', or the parameter's name).
describe('routes/dynamic-path', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'dynamic-path');
  });

  it('marks the unknown part {?} and keeps the known rest', () => {
    expect(routeKeys(a)).toEqual(['GET /health', 'GET {?}/items', 'GET {?}/items/:id', 'GET {?}/summary']);
  });

  it('keeps the handler and site of a route under an unknown mount', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET {?}/summary',
        path: '{?}/summary',
        file: 'routes/reports.js',
        line: 5,
        handler: expect.objectContaining({ name: 'summary', file: 'routes/reports.js', line: 5 }),
        middleware: [],
      }),
    );
  });

  it('keeps routes whose path is built from an unknown parameter', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET {?}/items',
        file: 'routes/register.js',
        line: 10,
        handler: expect.objectContaining({ name: 'listItems', file: 'routes/register.js', line: 1 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET {?}/items/:id',
        file: 'routes/register.js',
        line: 11,
        handler: expect.objectContaining({ name: 'getItem', file: 'routes/register.js', line: 5 }),
        middleware: [],
      }),
    );
  });

  it('says which expressions it could not know', () => {
    const dynamic = a.diagnostics.filter((d) => d.code === 'DYNAMIC_ROUTE_PATH');
    expect(dynamic.length).toBeGreaterThanOrEqual(2);
    for (const d of dynamic) expect(d.severity).toBe('warning');
    expect(dynamic).toContainEqual(expect.objectContaining({ file: 'server.js', line: 7, message: expect.stringContaining('process.env.PREFIX') }));
    expect(dynamic).toContainEqual(expect.objectContaining({ file: 'routes/register.js', message: expect.stringMatching(/base/i) }));
  });

  it('never invents a path', () => {
    for (const r of a.routes) {
      expect(r.path).not.toMatch(/undefined|PREFIX|TENANT_BASE|\$\{|base/);
    }
  });
});
