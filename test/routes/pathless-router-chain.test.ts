import type { Analysis } from '../../model/analysis';
import { analyzeFixture, routeKeys } from '../support/analyze-fixture';

// `module.exports = Router().use(users).use(posts)`: children mounted without a path take only
// the outer prefix ('/api'), and a pathless chain `express.Router().use(health)` mounted on the
// app without a path adds no prefix at all.
describe('routes/pathless-router-chain', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('routes', 'pathless-router-chain');
  });

  it('finds every route', () => {
    expect(routeKeys(a)).toEqual(['GET /api/posts/:id', 'GET /api/users', 'GET /health', 'POST /api/users']);
  });

  it.each([
    ['GET /api/users', 'routes/users.js', 4],
    ['POST /api/users', 'routes/users.js', 5],
    ['GET /api/posts/:id', 'routes/posts.js', 4],
    ['GET /health', 'routes/health.js', 4],
  ])('%s is registered at %s:%i', (id, file, line) => {
    expect(a.routes).toContainEqual(
      expect.objectContaining({
        id,
        file,
        line,
        entry: 'server.js',
        handler: expect.objectContaining({ name: '<anonymous>', file, line }),
        middleware: [],
      }),
    );
  });

  it('records the prefixed mount of the chain', () => {
    expect(a.mounts).toContainEqual(expect.objectContaining({ path: '/api', kind: 'router', file: 'server.js', line: 6 }));
  });
});
