import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// Two servers in one repository, each its own entry with its own app: the main API (server.js)
// and an auth service (auth/server.js). They share a middleware module; every route belongs
// to the entry whose app serves it, and each app's middleware stays with its own routes.
describe('routes/two-servers', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'two-servers');
  });

  const requestLogger = expect.objectContaining({ name: 'requestLogger', scope: 'app', file: 'lib/logger.js', line: 1 });

  it('finds both entries and every route', () => {
    expect([...a.entry].sort()).toEqual(['auth/server.js', 'server.js']);
    expect(routeKeys(a)).toEqual(['GET /.well-known/jwks.json', 'GET /products', 'GET /products/:id', 'POST /login', 'POST /token']);
  });

  it.each([
    ['GET /products', 7],
    ['GET /products/:id', 8],
  ])('%s (server.js:%i) belongs to the main server', (id, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'server.js',
        line,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'server.js', line }),
        middleware: [requestLogger],
      }),
    );
  });

  it.each([
    ['POST /login', 8],
    ['POST /token', 9],
    ['GET /.well-known/jwks.json', 10],
  ])('%s (auth/server.js:%i) belongs to the auth service', (id, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file: 'auth/server.js',
        line,
        entry: 'auth/server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file: 'auth/server.js', line }),
        middleware: [
          requestLogger,
          expect.objectContaining({
            name: 'express.urlencoded({ extended: false })',
            scope: 'app',
            package: 'express',
            file: 'auth/server.js',
            line: 6,
          }),
        ],
      }),
    );
  });
});
