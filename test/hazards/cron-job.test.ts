import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// node-cron, cron's CronJob, node-schedule (named job), agenda `every` and a bull repeatable job,
// each with its schedule verbatim in the message. A bull job without `repeat` is not a cron job.
describe('hazards/cron-job', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'cron-job');
  });

  it.each([
    [12, 'node-cron job on schedule "*/5 * * * *"'],
    [13, 'cron job on schedule "0 0 3 * * *"'],
    [14, 'node-schedule job on schedule "30 2 * * 0"'],
    [15, 'agenda job on schedule "10 minutes"'],
    [16, 'bull repeatable job on schedule "0 9 * * 1"'],
  ])('reports the job at line %i with its schedule', (line, text) => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'CRON_JOB',
        severity: 'warning',
        file: 'app.js',
        line,
        message: expect.stringContaining(text),
        advice: expect.stringContaining('EventBridge'),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['CRON_JOB app.js:12', 'CRON_JOB app.js:13', 'CRON_JOB app.js:14', 'CRON_JOB app.js:15', 'CRON_JOB app.js:16']);
  });
});
