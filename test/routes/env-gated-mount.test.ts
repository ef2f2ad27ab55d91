import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Registration gated by config: a production-only `app.use(rateLimit)`, a router mounted only
// `if (config.env === 'development')` with a route of its own gated by `config.seed`, and a
// one-line `if (...) app.get(...)`. Every branch is kept; each route carries the source text of
// its guards, outermost (the mount's) first, joined with ' && '.
describe('routes/env-gated-mount', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'env-gated-mount');
  });

  const rateLimit = expect.objectContaining({
    name: 'rateLimit',
    scope: 'app',
    file: 'src/rate-limit.ts',
    line: 5,
    conditional: "config.env === 'production'",
  });

  it('keeps the routes of every branch', () => {
    expect(routeKeys(a)).toEqual(['GET /api/items', 'GET /debug/config', 'GET /dev/mail-preview', 'POST /dev/seed']);
  });

  it('leaves an unconditional route unconditional, behind the conditional middleware', () => {
    const route = a.routes.find((r) => r.id === 'GET /api/items');
    expect(route).toEqual(expect.objectContaining({ file: 'src/routes/api.ts', line: 5, entry: 'src/app.ts', middleware: [rateLimit] }));
    expect(route?.conditional).toBeUndefined();
  });

  it.each([
    ['GET /dev/mail-preview', 'src/routes/dev.ts', 6, "config.env === 'development'"],
    ['POST /dev/seed', 'src/routes/dev.ts', 11, "config.env === 'development' && config.seed"],
    ['GET /debug/config', 'src/app.ts', 19, "config.env !== 'production'"],
  ])('%s (%s:%i) is kept with its guard', (id, file, line, conditional) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'src/app.ts',
        conditional,
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware: [rateLimit],
      }),
    );
  });

  it('records the guard of the mount', () => {
    expect(a.mounts).toContainEqual(
      expect.objectContaining({
        path: '/dev',
        kind: 'router',
        file: 'src/app.ts',
        line: 16,
        conditional: "config.env === 'development'",
      }),
    );
  });
});
