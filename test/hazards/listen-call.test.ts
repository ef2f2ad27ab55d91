import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// `app.listen(...)` and a SIGTERM handler, both info. `process.on('uncaughtException')` is not a
// shutdown handler.
describe('hazards/listen-call', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'listen-call');
  });

  it('reports listen as info', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'LISTEN_CALL',
        severity: 'info',
        file: 'server.js',
        line: 6,
        column: 16,
        advice: expect.stringContaining('require.main === module'),
      }),
    );
  });

  it('reports the graceful-shutdown handler as info', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'SHUTDOWN_HANDLER',
        severity: 'info',
        file: 'server.js',
        line: 8,
        message: expect.stringContaining("process.on('SIGTERM')"),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['LISTEN_CALL server.js:6', 'SHUTDOWN_HANDLER server.js:8']);
  });
});
