import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import { generateAll } from '../../generators/generate';
import { Config } from '../../model/config';
import { fixtureDir } from '../support/analyze-fixture';

const APP = fixtureDir('generators', 'sub-minute-timer');

// EventBridge rates count whole minutes: a 30 s timer can only become rate(1 minute), which the
// generators must say, with the rate it became and why; a 5 min timer converts exactly.
describe('generators: a timer whose interval is no whole number of minutes', () => {
  it('says which rate it became and why (SCHEDULE_RATE_ROUNDED), once, and only for that timer', async () => {
    const plan = planSplit(await analyzeApp({ appDir: APP }), Config.parse({}));
    expect(plan.schedules.map((s) => [s.id, s.expression, s.rate])).toEqual([
      ['digest', '5 * 60 * 1000', 'rate(5 minutes)'],
      ['heartbeat', '30_000', 'rate(1 minute)'],
    ]);
    const generated = generateAll(plan, { appDir: '..' }, ['serverless', 'sam']);
    const rounded = generated.diagnostics.filter((d) => d.code === 'SCHEDULE_RATE_ROUNDED');
    expect(rounded).toEqual([
      expect.objectContaining({
        severity: 'warning',
        subject: 'heartbeat',
        message:
          'the TIMER_AT_BOOT at jobs/heartbeat.js:6 runs every 30 s (30_000); an EventBridge rate counts whole minutes, at least 1, so it became rate(1 minute): the scheduled function runs every 1 min instead',
      }),
    ]);
    expect(rounded[0]!.advice).toContain('repeat the job every 30 s within one invocation');
  });
});
