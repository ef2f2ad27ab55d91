import type { Analysis } from '../../model/analysis';
import { analyzeFixture, diagnosticCodes, routeKeys } from '../support/analyze-fixture';

// Express 5 path syntax (path-to-regexp 8): named wildcards `*splat` and optional groups in
// braces, at the root and as a router's whole path under a mount. Kept verbatim.
describe('routes/express5-syntax', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'express5-syntax');
  });

  it('keeps Express 5 wildcards and optional groups as written', () => {
    expect(routeKeys(a)).toEqual(['ALL /*splat', 'GET /docs{/:opt}', 'GET /files/*splat', 'GET /files{/:name}']);
  });

  it('keeps a named wildcard', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /files/*splat',
        path: '/files/*splat',
        file: 'server.ts',
        line: 6,
        handler: expect.objectContaining({ name: 'serveFile', file: 'server.ts', line: 6 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'ALL /*splat',
        method: 'ALL',
        file: 'server.ts',
        line: 16,
        handler: expect.objectContaining({ name: 'notFound', file: 'server.ts', line: 16 }),
        middleware: [],
      }),
    );
  });

  it('appends an optional group to the mount prefix without adding a slash', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /docs{/:opt}',
        path: '/docs{/:opt}',
        file: 'routes/docs.ts',
        line: 5,
        handler: expect.objectContaining({ name: 'docsPage', file: 'routes/docs.ts', line: 5 }),
        middleware: [],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /files{/:name}',
        file: 'server.ts',
        line: 10,
        handler: expect.objectContaining({ name: 'fileInfo', file: 'server.ts', line: 10 }),
      }),
    );
  });

  it('does not call Express 5 syntax dynamic', () => {
    expect(diagnosticCodes(a)).not.toContain('DYNAMIC_ROUTE_PATH');
  });
});
