import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Middleware at three levels, in Express order: app (`express.json()`, `requestId`, then the
// path-scoped `app.use('/api', apiKey)`), router (`router.use(audit)`), route (`cache`, then the
// flattened array `[rateLimit, validateQuery]`). Registration order matters: `app.use(late)` comes
// after every route and `router.use(audit)` after GET /version, so neither applies there.
// Error handlers (four parameters) are never in a chain, even when registered early.
describe('routes/middleware-levels', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'middleware-levels');
  });

  const json = expect.objectContaining({
    name: 'express.json()',
    scope: 'app',
    package: 'express',
    file: 'server.ts',
    line: 7,
  });
  const requestId = expect.objectContaining({ name: 'requestId', scope: 'app', file: 'middleware.ts', line: 1 });
  const apiKey = expect.objectContaining({
    name: 'apiKey',
    scope: 'app',
    path: '/api',
    file: 'middleware.ts',
    line: 6,
  });
  const audit = expect.objectContaining({ name: 'audit', scope: 'router', file: 'middleware.ts', line: 11 });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /api/items', 'GET /api/items/:id', 'GET /api/version', 'GET /health']);
  });

  it('orders app, router and route middleware and flattens arrays', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/items',
        file: 'routes/api.ts',
        line: 15,
        handler: expect.objectContaining({ name: 'listItems', file: 'routes/api.ts', line: 18 }),
        middleware: [
          json,
          requestId,
          apiKey,
          audit,
          expect.objectContaining({ name: 'cache', scope: 'route', file: 'middleware.ts', line: 15 }),
          expect.objectContaining({ name: 'rateLimit', scope: 'route', file: 'middleware.ts', line: 19 }),
          expect.objectContaining({ name: 'validateQuery', scope: 'route', file: 'middleware.ts', line: 23 }),
        ],
      }),
    );
  });

  it('applies router-level use only to routes registered after it', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/items/:id',
        handler: expect.objectContaining({ name: 'getItem', file: 'routes/api.ts', line: 22 }),
        middleware: [json, requestId, apiKey, audit],
      }),
    );
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /api/version',
        file: 'routes/api.ts',
        line: 6,
        handler: expect.objectContaining({ name: 'version', file: 'routes/api.ts', line: 6 }),
        middleware: [json, requestId, apiKey],
      }),
    );
  });

  it('keeps path-scoped app middleware off routes outside its path', () => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id: 'GET /health',
        file: 'server.ts',
        line: 16,
        handler: expect.objectContaining({ name: 'health', file: 'server.ts', line: 16 }),
        middleware: [json, requestId],
      }),
    );
  });

  it('never chains late middleware or error handlers', () => {
    const names = a.routes.flatMap((r) => r.middleware.map((m) => m.name));
    for (const name of ['late', 'onError', 'earlyErrors', 'routerErrors']) {
      expect(names).not.toContain(name);
    }
  });
});
