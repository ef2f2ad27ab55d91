import type { Analysis, Route } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

// What generators need to rebuild a route outside the monolith: the stack of apps and routers it
// is reached through (with how to import each, and the app's settings), the level each middleware
// is registered on, the imports of each middleware's source, and what runs after the route.
describe('routes/generator-links', () => {
  let a: Analysis;
  let items: Route;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'generator-links');
    items = a.routes.find((r) => r.id === 'GET /api/items')!;
  });

  it('records the stack from the root app (its factory and settings) to the router', () => {
    expect(items.stack).toEqual([
      {
        file: 'app.ts',
        line: 8,
        factory: 'createApp',
        mountPath: '/',
        kind: 'app',
        settings: [
          { method: 'disable', args: ["'x-powered-by'"] },
          { method: 'set', args: ["'trust proxy'", '1'] },
        ],
      },
      { file: 'routes/api.ts', line: 4, export: 'apiRouter', mountPath: '/api', kind: 'router' },
    ]);
    expect(items.router).toEqual(items.stack![1]);
  });

  it('gives each middleware its level and the imports that rebuild its source', () => {
    expect(items.middleware.map((m) => [m.source, m.level, m.imports])).toEqual([
      [
        'express.json({ limit: config.limit })',
        0,
        [
          { local: 'config', imported: 'config', file: 'config.ts' },
          { local: 'express', imported: 'default', package: 'express' },
        ],
      ],
      [
        'session({ secret: config.secret, resave: false, saveUninitialized: false })',
        0,
        [
          { local: 'config', imported: 'config', file: 'config.ts' },
          { local: 'session', imported: 'default', package: 'express-session' },
        ],
      ],
      ['requestId', 0, [{ local: 'requestId', imported: 'requestId', file: 'middleware.ts' }]],
      ['(req, res, next) => next()', 0, undefined],
      ['auth', 1, [{ local: 'auth', imported: 'auth', file: 'middleware.ts' }]],
    ]);
  });

  it("lists what runs after the route: the router's error handler, then the app's 404 and error handler", () => {
    expect(items.trailing!.map((m) => [m.name, m.scope, m.level])).toEqual([
      ['apiErrors', 'router', 1],
      ['notFound', 'app', 0],
      ['errorHandler', 'app', 0],
    ]);
  });
});
