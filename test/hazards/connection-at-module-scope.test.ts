import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// Clients and pools created at startup: Knex, Mongoose, Sequelize, redis, ioredis, pg, mysql2,
// and a Prisma client created in an exported function that module-scope code calls. A pool
// created lazily at request time (`if (!lazyPool) lazyPool = new Pool()`) is not reported, nor is
// the `let prisma` assigned only at startup module state.
describe('hazards/connection-at-module-scope', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'connection-at-module-scope');
  });

  it.each([
    [4, 'Knex pool'],
    [11, 'Mongoose connection'],
    [12, 'Sequelize pool'],
    [13, 'Redis client `createClient'],
    [14, 'Redis client `new Redis'],
    [15, 'PostgreSQL pool'],
    [16, 'MySQL pool'],
  ])('reports the client at app.js:%i', (line, text) => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'CONNECTION_AT_MODULE_SCOPE',
        severity: 'warning',
        file: 'app.js',
        line,
        message: expect.stringContaining(text),
        advice: expect.stringContaining('bound it'),
      }),
    );
  });

  it('attributes a client to the routes that use it', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'CONNECTION_AT_MODULE_SCOPE', file: 'app.js', line: 4, routes: ['GET /users'] }));
  });

  it('follows startup calls into other files', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'CONNECTION_AT_MODULE_SCOPE',
        file: 'db.ts',
        line: 6,
        message: expect.stringContaining('Prisma client `new PrismaClient()` is created at startup (via app.js:17)'),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'CONNECTION_AT_MODULE_SCOPE app.js:11',
      'CONNECTION_AT_MODULE_SCOPE app.js:12',
      'CONNECTION_AT_MODULE_SCOPE app.js:13',
      'CONNECTION_AT_MODULE_SCOPE app.js:14',
      'CONNECTION_AT_MODULE_SCOPE app.js:15',
      'CONNECTION_AT_MODULE_SCOPE app.js:16',
      'CONNECTION_AT_MODULE_SCOPE app.js:4',
      'CONNECTION_AT_MODULE_SCOPE db.ts:6',
    ]);
  });
});
