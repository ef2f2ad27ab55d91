import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// setInterval at module scope, and a re-arming setTimeout in an exported function that
// module-scope code of another file calls. Not reported: setTimeout in a handler, setInterval in a function only a
// handler calls.
describe('hazards/timer-at-boot', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'timer-at-boot');
  });

  it('reports a module-scope interval with its period', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'TIMER_AT_BOOT',
        severity: 'warning',
        file: 'app.js',
        line: 7,
        message: expect.stringContaining('setInterval every WARM_EVERY_MS = 600000 ms (10 min)'),
        advice: expect.stringContaining('schedule'),
      }),
    );
  });

  it('follows startup calls into other files and names the call', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'TIMER_AT_BOOT', file: 'jobs.js', line: 6, message: expect.stringContaining('started from app.js:11') }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['TIMER_AT_BOOT app.js:7', 'TIMER_AT_BOOT jobs.js:6']);
  });
});
