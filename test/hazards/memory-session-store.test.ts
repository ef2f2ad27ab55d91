import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// express-session without a store (app level) and with `new session.MemoryStore()` (a router),
// and connect-flash and csurf relying on the in-memory session. Routes come from the chains the
// middleware is in.
describe('hazards/memory-session-store', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'memory-session-store');
  });

  it('reports express-session without a store, for every route behind it', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MEMORY_SESSION_STORE',
        severity: 'warning',
        file: 'app.js',
        line: 8,
        column: 9,
        routes: ['GET /admin', 'GET /form'],
        message: expect.stringContaining('no `store` option'),
        advice: expect.stringContaining('connect-redis'),
      }),
    );
  });

  it('reports an explicit MemoryStore', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'MEMORY_SESSION_STORE',
        file: 'app.js',
        line: 13,
        routes: ['GET /admin'],
        message: expect.stringContaining('new MemoryStore()'),
      }),
    );
  });

  it('reports flash messages and csurf tokens kept in that session', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'MEMORY_SESSION_STORE', file: 'app.js', line: 9, message: expect.stringContaining('flash messages') }),
    );
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'MEMORY_SESSION_STORE', file: 'app.js', line: 10, message: expect.stringContaining('csurf tokens') }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'MEMORY_SESSION_STORE app.js:10',
      'MEMORY_SESSION_STORE app.js:13',
      'MEMORY_SESSION_STORE app.js:8',
      'MEMORY_SESSION_STORE app.js:9',
    ]);
  });
});
