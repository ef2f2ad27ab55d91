import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

// Session stores that keep sessions in one instance whatever their class is called: memorystore
// (in memory) and session-file-store (files on the local disk, a different disk per function
// instance) are MEMORY_SESSION_STORE like express-session's own MemoryStore; a Redis store is not.
describe('hazards/per-instance-session-store', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'per-instance-session-store');
  });

  const sessions = () => a.hazards.filter((h) => h.code === 'MEMORY_SESSION_STORE');

  it('reports the stores of memorystore and session-file-store, for the routes behind them', () => {
    expect(sessions().map((h) => [h.line, h.routes, h.message.replace(/, so sessions live.*/, '')])).toEqual([
      [14, ['GET /admin'], 'express-session uses `new MemoryStore({ checkPeriod: 86400000 })` of memorystore, which keeps them in process memory'],
      [
        17,
        ['GET /account'],
        "express-session uses `new FileStore({ path: '/tmp/sessions' })` of session-file-store, which keeps them in files on the local disk",
      ],
    ]);
  });
});
