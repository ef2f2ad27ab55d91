import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import type { Analysis } from '../../model/analysis';
import { hazardRoutes, hazardSites } from '../support/hazards';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

// Every hazard planted in the samples (their READMEs list them) is found at its file and line,
// with the routes that use it. The env-gated /debug router (shop-api src/app.ts:45) is a route
// `conditional`, not a hazard.
describe('hazards on samples/shop-api', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeApp({ appDir: path.join(SAMPLES, 'shop-api') });
  });

  it.each([
    ['MODULE_STATE_SHARED', 'src/services/product.service.ts', 7, 'productCache'],
    ['MODULE_STATE_SHARED', 'src/services/product.service.ts', 8, 'cacheHits'],
    ['MODULE_STATE_SHARED', 'src/services/product.service.ts', 9, 'cacheMisses'],
    ['MODULE_STATE_SHARED', 'src/lib/metrics.ts', 2, 'requestCount'],
    ['CONNECTION_AT_MODULE_SCOPE', 'src/data/pool.ts', 8, 'PostgreSQL pool'],
    ['TIMER_AT_BOOT', 'src/jobs/expire-carts.ts', 8, 'started from src/server.ts:11'],
    ['TIMER_AT_BOOT', 'src/realtime/notifications.ts', 41, 'started from src/server.ts:10'],
    ['LOCAL_DISK_WRITE', 'src/middleware/upload.ts', 7, 'fs.mkdirSync'],
    ['LOCAL_DISK_WRITE', 'src/middleware/upload.ts', 9, 'multer disk storage'],
    ['BINARY_OR_LARGE_BODY', 'src/middleware/upload.ts', 17, 'multer'],
    ['STATIC_ASSETS', 'src/app.ts', 42, 'at /assets'],
    ['STATIC_ASSETS', 'src/app.ts', 43, 'at /uploads'],
    ['WEBSOCKET_SERVER', 'src/realtime/notifications.ts', 18, 'WebSocketServer'],
    ['SERVER_SENT_EVENTS', 'src/controllers/order-stream.ts', 13, 'server-sent events'],
    ['EVENT_EMITTER_STATE', 'src/realtime/order-feed.ts', 12, '`feed`'],
    ['LISTEN_CALL', 'src/server.ts', 13, 'server.listen'],
    ['SHUTDOWN_HANDLER', 'src/server.ts', 30, 'SIGTERM'],
    ['SECRET_FALLBACK', 'src/config.ts', 15, 'SESSION_SECRET'],
  ])('finds %s at %s:%i', (code, file, line, text) => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code, file, line, message: expect.stringContaining(text) }));
  });

  it('attributes state to the routes that read and write it', () => {
    expect(hazardRoutes(a, 'MODULE_STATE_SHARED', 'src/services/product.service.ts', 7)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/products/:productId',
        'GET /debug/cache',
        'GET /api/v1/admin/stats',
        'POST /api/v1/admin/cache/flush',
        'PUT /api/v1/products/:productId',
        'DELETE /api/v1/products/:productId',
      ]),
    );
    // Order updates go through PostgreSQL NOTIFY: the in-process fan-out serves the stream route alone.
    expect(hazardRoutes(a, 'EVENT_EMITTER_STATE', 'src/realtime/order-feed.ts', 12)).toEqual(['GET /api/v1/orders/:id/events']);
    expect(hazardRoutes(a, 'MODULE_STATE_SHARED', 'src/lib/metrics.ts', 2)).toHaveLength(a.routes.length);
  });

  it('attributes middleware and handler hazards to their routes', () => {
    expect(hazardRoutes(a, 'SERVER_SENT_EVENTS', 'src/controllers/order-stream.ts', 13)).toEqual(['GET /api/v1/orders/:id/events']);
    // Every route: the session store (src/data/session-store.ts) queries the pool for each request.
    expect(hazardRoutes(a, 'CONNECTION_AT_MODULE_SCOPE', 'src/data/pool.ts', 8)).toHaveLength(a.routes.length);
    expect(a.hazards.filter((h) => h.code === 'MEMORY_SESSION_STORE')).toEqual([]);
    expect(hazardRoutes(a, 'LOCAL_DISK_WRITE', 'src/middleware/upload.ts', 9)).toEqual(['POST /api/v1/products/:productId/images']);
    expect(hazardRoutes(a, 'BINARY_OR_LARGE_BODY', 'src/middleware/upload.ts', 17)).toEqual(['POST /api/v1/products/:productId/images']);
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'BINARY_OR_LARGE_BODY src/middleware/upload.ts:17',
      'CONNECTION_AT_MODULE_SCOPE src/data/pool.ts:8',
      'EVENT_EMITTER_STATE src/realtime/order-feed.ts:12',
      'LISTEN_CALL src/server.ts:13',
      'LOCAL_DISK_WRITE src/middleware/upload.ts:7',
      'LOCAL_DISK_WRITE src/middleware/upload.ts:9',
      'MODULE_STATE_SHARED src/lib/metrics.ts:2',
      'MODULE_STATE_SHARED src/lib/metrics.ts:3',
      'MODULE_STATE_SHARED src/lib/metrics.ts:4',
      // the websocket server's connected clients: a Set made by attachNotificationSocket() at boot, written per connection
      'MODULE_STATE_SHARED src/realtime/notifications.ts:19',
      // the order feed's LISTEN connection, opened with the first stream
      'MODULE_STATE_SHARED src/realtime/order-feed.ts:14',
      'MODULE_STATE_SHARED src/services/product.service.ts:7',
      'MODULE_STATE_SHARED src/services/product.service.ts:8',
      'MODULE_STATE_SHARED src/services/product.service.ts:9',
      'SECRET_FALLBACK src/config.ts:15',
      'SERVER_SENT_EVENTS src/controllers/order-stream.ts:13',
      'SHUTDOWN_HANDLER src/server.ts:30',
      'SHUTDOWN_HANDLER src/server.ts:31',
      'STATIC_ASSETS src/app.ts:42',
      'STATIC_ASSETS src/app.ts:43',
      'TIMER_AT_BOOT src/jobs/expire-carts.ts:8',
      'TIMER_AT_BOOT src/realtime/notifications.ts:41',
      'WEBSOCKET_SERVER src/realtime/notifications.ts:18',
    ]);
  });
});

describe('hazards on samples/library-js', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeApp({ appDir: path.join(SAMPLES, 'library-js') });
  });

  it.each([
    ['MODULE_STATE_SHARED', 'services/catalog.js', 8, 'searchCache'],
    ['MODULE_STATE_SHARED', 'lib/logger.js', 4, 'stats'],
    ['CONNECTION_AT_MODULE_SCOPE', 'lib/db.js', 11, 'PostgreSQL pool'],
    ['MODULE_STATE_SHARED', 'server.js', 20, 'subscribers'],
    ['MEMORY_SESSION_STORE', 'app.js', 34, 'express-session'],
    ['TIMER_AT_BOOT', 'server.js', 66, 'OVERDUE_SWEEP_MS = 300000 ms (5 min)'],
    ['WEBSOCKET_SERVER', 'server.js', 19, 'WebSocket.Server'],
    ['LISTEN_CALL', 'server.js', 82, 'server.listen'],
    ['SHUTDOWN_HANDLER', 'server.js', 79, 'SIGTERM'],
    ['SERVER_SENT_EVENTS', 'routes/events.js', 22, 'server-sent events'],
    ['EVENT_EMITTER_STATE', 'lib/notice-feed.js', 11, '`feed`'],
    ['LOCAL_DISK_WRITE', 'lib/uploads.js', 10, 'fs.mkdirSync'],
    ['LOCAL_DISK_WRITE', 'lib/uploads.js', 14, 'multer disk storage'],
    ['BINARY_OR_LARGE_BODY', 'lib/uploads.js', 29, 'multer'],
    ['LOCAL_FILE_READ_AT_REQUEST', 'routes/books.js', 95, 'res.sendFile'],
    ['LOCAL_FILE_READ_AT_REQUEST', 'app.js', 43, 'res.sendFile'],
    ['LOCAL_FILE_READ_AT_REQUEST', 'app.js', 60, 'res.sendFile'],
    ['SECRET_FALLBACK', 'app.js', 36, 'SESSION_SECRET'],
    ['SECRET_FALLBACK', 'middleware/basicAuth.js', 15, 'ADMIN_PASSWORD'],
  ])('finds %s at %s:%i', (code, file, line, text) => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code, file, line, message: expect.stringContaining(text) }));
  });

  it('attributes state to the routes that read and write it', () => {
    expect(hazardRoutes(a, 'MODULE_STATE_SHARED', 'services/catalog.js', 8)).toEqual(
      expect.arrayContaining(['GET /api/books/search', 'GET /api/books/find', 'GET /api/books/search/trending', 'GET /admin/cache', 'DELETE /admin/cache']),
    );
    expect(hazardRoutes(a, 'MODULE_STATE_SHARED', 'lib/logger.js', 4)).toHaveLength(a.routes.length);
  });

  it('attributes handler and middleware hazards to their routes', () => {
    expect(hazardRoutes(a, 'SERVER_SENT_EVENTS', 'routes/events.js', 22)).toEqual(['GET /api/events/stream']);
    // Notices go through PostgreSQL NOTIFY: the in-process fan-out serves the stream route alone.
    expect(hazardRoutes(a, 'EVENT_EMITTER_STATE', 'lib/notice-feed.js', 11)).toEqual(['GET /api/events/stream']);
    expect(hazardRoutes(a, 'LOCAL_FILE_READ_AT_REQUEST', 'app.js', 43)).toEqual(['GET /']);
    expect(hazardRoutes(a, 'LOCAL_FILE_READ_AT_REQUEST', 'app.js', 60)).toEqual(['GET /files/*filepath']);
    expect(hazardRoutes(a, 'LOCAL_FILE_READ_AT_REQUEST', 'routes/books.js', 95)).toContain('GET /api/books/:id/cover');
    expect(hazardRoutes(a, 'LOCAL_DISK_WRITE', 'lib/uploads.js', 14)).toContain('POST /api/books/:id/cover');
    expect(hazardRoutes(a, 'MEMORY_SESSION_STORE', 'app.js', 34)).toHaveLength(a.routes.length);
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'BINARY_OR_LARGE_BODY lib/uploads.js:29',
      'CONNECTION_AT_MODULE_SCOPE lib/db.js:11',
      'EVENT_EMITTER_STATE lib/notice-feed.js:11',
      'LISTEN_CALL server.js:82',
      'LOCAL_DISK_WRITE lib/uploads.js:10',
      'LOCAL_DISK_WRITE lib/uploads.js:14',
      'LOCAL_FILE_READ_AT_REQUEST app.js:43',
      'LOCAL_FILE_READ_AT_REQUEST app.js:60',
      // the seed, read again by POST /admin/reseed (a file shipped with the code: info)
      'LOCAL_FILE_READ_AT_REQUEST lib/seed-db.js:15',
      'LOCAL_FILE_READ_AT_REQUEST routes/books.js:95',
      'MEMORY_SESSION_STORE app.js:34',
      'MODULE_STATE_SHARED lib/logger.js:4',
      'MODULE_STATE_SHARED lib/notice-feed.js:13',
      'MODULE_STATE_SHARED server.js:20',
      'MODULE_STATE_SHARED server.js:25',
      'MODULE_STATE_SHARED services/catalog.js:8',
      'SECRET_FALLBACK app.js:36',
      'SECRET_FALLBACK middleware/basicAuth.js:15',
      'SERVER_SENT_EVENTS routes/events.js:22',
      'SHUTDOWN_HANDLER server.js:79',
      'SHUTDOWN_HANDLER server.js:80',
      'TIMER_AT_BOOT server.js:66',
      'WEBSOCKET_SERVER server.js:19',
    ]);
  });
});
