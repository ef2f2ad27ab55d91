import type { Analysis } from '../../model/analysis';
import { Config } from '../../model/config';
import { planSplit } from '../../planner/plan-split';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// One-shot timeouts at boot (a `process.exit` after a failed start, a socket connection timeout)
// are no recurring job: no TIMER_AT_BOOT, no schedule. Timeouts whose callback arms them again
// (directly, through the function that armed them, through a class method) repeat, and so does
// a setInterval a boot-time timeout starts: those stay schedules.
describe('hazards/timeout-once-at-boot', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'timeout-once-at-boot');
  });

  it('reports only the timers that repeat', () => {
    expect(hazardSites(a)).toEqual(['TIMER_AT_BOOT jobs.js:13', 'TIMER_AT_BOOT jobs.js:26', 'TIMER_AT_BOOT jobs.js:8', 'TIMER_AT_BOOT server.js:25']);
  });

  it('says a re-armed timeout repeats, with its delay', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'TIMER_AT_BOOT',
        file: 'jobs.js',
        line: 8,
        message: expect.stringContaining('setTimeout every 600000 ms (10 min) (its callback arms it again) is started at boot (started from server.js:20)'),
      }),
    );
  });

  it('names the timeout that starts a delayed interval', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'TIMER_AT_BOOT', file: 'server.js', line: 25, message: expect.stringContaining('started from server.js:24') }),
    );
  });

  it('plans schedules for the repeating timers only', () => {
    const plan = planSplit(a, Config.parse({}));
    expect(plan.schedules.map((s) => [s.file, s.line, s.rate])).toEqual([
      ['jobs.js', 8, 'rate(10 minutes)'],
      ['jobs.js', 13, 'rate(1 hour)'],
      ['jobs.js', 26, 'rate(15 minutes)'],
      ['server.js', 25, 'rate(5 minutes)'],
    ]);
  });
});
