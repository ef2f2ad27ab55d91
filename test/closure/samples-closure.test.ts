import * as path from 'node:path';
import madge from 'madge';
import { analyzeApp } from '../../analyzer/analyze';
import type { Analysis } from '../../model/analysis';

const samples = path.join(__dirname, '..', '..', 'samples');
let shop: Analysis;
let library: Analysis;

beforeAll(async () => {
  shop = await analyzeApp({ appDir: path.join(samples, 'shop-api') });
  library = await analyzeApp({ appDir: path.join(samples, 'library-js') });
});

const deps = (a: Analysis, id: string) => a.routes.find((r) => r.id === id)!.deps;

describe('closures on the samples', () => {
  it('shop-api: a nested review route reaches its controller, service and data layer (the pool and its settings), not other resources', () => {
    expect(deps(shop, 'GET /api/v1/products/:productId/reviews')).toEqual({
      files: [
        'src/app.ts',
        'src/config.ts',
        'src/controllers/reviews.ts',
        'src/data/db.ts',
        'src/data/pool.ts',
        'src/data/repository.ts',
        'src/data/session-store.ts',
        'src/lib/async-handler.ts',
        'src/lib/logger.ts',
        'src/lib/metrics.ts',
        'src/middleware/request-id.ts',
        'src/middleware/request-logger.ts',
        'src/routes/reviews.ts',
        'src/services/review.service.ts',
      ],
      packages: ['connect-pg-simple', 'express', 'express-session', 'pg'],
      env: ['DATABASE_URL', 'DB_POOL_SIZE', 'LOG_LEVEL', 'LOG_REQUESTS', 'NODE_ENV', 'SESSION_SECRET'],
      entities: ['Review'],
    });
  });

  it('shop-api: the upload route needs multer and the upload folder setting', () => {
    const d = deps(shop, 'POST /api/v1/products/:productId/images');
    expect(d.packages).toEqual(['connect-pg-simple', 'express', 'express-session', 'multer', 'pg']);
    expect(d.files).toContain('src/middleware/upload.ts');
    expect(d.env).toContain('UPLOAD_DIR');
  });

  it('library-js: loans reach the controller built with new (require(...))(deps) and the router-level auth', () => {
    expect(deps(library, 'GET /api/loans')).toEqual({
      // lib/seed-db.js for the collection names only: the seed file it reads (LIBRARY_SEED) is not reached
      files: ['app.js', 'controllers/loans.js', 'lib/db.js', 'lib/logger.js', 'lib/seed-db.js', 'middleware/auth.js', 'routes/loans.js'],
      packages: ['express', 'express-session', 'pg'],
      env: ['DATABASE_URL', 'DB_POOL_SIZE', 'LOG_QUIET', 'NODE_ENV', 'SESSION_SECRET'],
      entities: [],
    });
  });

  it("no closure holds a file outside the import graph reachable from the route's own files (checked with madge)", async () => {
    for (const [name, analysis] of [
      ['shop-api', shop],
      ['library-js', library],
    ] as const) {
      const dir = path.join(samples, name);
      const graph = (
        await madge(dir, {
          fileExtensions: ['ts', 'js'],
          tsConfig: name === 'shop-api' ? path.join(dir, 'tsconfig.json') : undefined,
          excludeRegExp: [/node_modules/],
        })
      ).obj();
      const reachable = (start: string): Set<string> => {
        const seen = new Set([start]);
        const stack = [start];
        while (stack.length) {
          for (const next of graph[stack.pop()!] ?? []) {
            if (seen.has(next)) continue;
            seen.add(next);
            stack.push(next);
          }
        }
        return seen;
      };
      for (const route of analysis.routes) {
        const allowed = new Set([
          ...reachable(route.file),
          ...route.middleware.flatMap((m) => [...reachable(m.sourceFile ?? m.file)]),
          ...reachable(route.handler.file),
        ]);
        for (const file of route.deps.files.filter((f) => !f.endsWith('.json'))) expect([route.id, file, allowed.has(file)]).toEqual([route.id, file, true]);
      }
    }
  });
});
