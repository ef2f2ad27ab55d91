import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// Express 4 path forms: '*', regex literals (at the root and under a prefix), a regex group
// inside a string path, and an optional parameter. String paths are kept verbatim.
describe('routes/star-and-regex', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'star-and-regex');
  });

  const FLY = 'regex:' + String(/.*fly$/); // regex:/.*fly$/
  const DOCS = '/api + regex:' + String(/^\/v(\d+)\/docs$/i); // /api + regex:/^\/v(\d+)\/docs$/i

  it('reports every path form verbatim', () => {
    expect(routeKeys(a)).toEqual(['ALL *', `GET ${DOCS}`, 'GET /ftp(?!/quarantine)/:file', 'GET /users/:id?', `GET ${FLY}`]);
  });

  it('spells the regex paths as RegExp#toString prints them', () => {
    expect(FLY).toBe('regex:/.*fly$/');
    expect(DOCS).toBe(String.raw`/api + regex:/^\/v(\d+)\/docs$/i`);
  });

  it('keeps a regex literal route', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: `GET ${FLY}`,
        path: FLY,
        file: 'server.js',
        line: 10,
        handler: expect.objectContaining({ name: 'butterfly', file: 'server.js', line: 10 }),
        middleware: [],
      }),
    );
  });

  it('prefixes a regex route of a mounted router', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: `GET ${DOCS}`,
        path: DOCS,
        file: 'routes/docs.js',
        line: 5,
        handler: expect.objectContaining({ name: 'versionedDocs', file: 'routes/docs.js', line: 5 }),
        middleware: [],
      }),
    );
  });

  it('keeps a regex group inside a string path as written', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /ftp(?!/quarantine)/:file',
        path: '/ftp(?!/quarantine)/:file',
        file: 'server.js',
        line: 6,
        handler: expect.objectContaining({ name: 'ftpFile', file: 'server.js', line: 6 }),
        middleware: [],
      }),
    );
  });

  it("keeps an optional parameter and a '*' catch-all", () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /users/:id?',
        file: 'server.js',
        line: 14,
        handler: expect.objectContaining({ name: 'userOrList', file: 'server.js', line: 14 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'ALL *',
        method: 'ALL',
        path: '*',
        file: 'server.js',
        line: 20,
        handler: expect.objectContaining({ name: 'notFound', file: 'server.js', line: 20 }),
        middleware: [],
      }),
    );
  });

  it('does not call literal regex paths dynamic', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
