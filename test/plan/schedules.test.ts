import { timerExpression } from '../../analyzer/hazards/support/timer-expression';
import { findSchedules, toRate } from '../../planner/schedules';
import { compileSelector } from '../../planner/selectors';
import { hazard } from '../support/plan-fixtures';

describe('schedules from timer and cron hazards', () => {
  const job = [
    'import { sweep } from "./sweep";',
    '',
    'export function start(everyMs = 60_000) {',
    '  return setInterval(async () => {',
    '    await sweep();',
    '  }, everyMs);',
    '}',
    'setInterval(tick, 5 * 60 * 1000);',
    "cron.schedule('*/15 * * * *', report);",
  ].join('\n');

  it('reads the interval or cron string of the call on the hazard line', () => {
    expect(timerExpression(job, 4)).toBe('everyMs');
    expect(timerExpression(job, 8)).toBe('5 * 60 * 1000');
    expect(timerExpression(job, 9)).toBe("'*/15 * * * *'");
  });

  it('turns literals into EventBridge expressions and leaves the rest to the user', () => {
    expect(toRate('60_000')).toBe('rate(1 minute)');
    expect(toRate('5 * 60 * 1000')).toBe('rate(5 minutes)');
    expect(toRate('86400000')).toBe('rate(1 day)');
    expect(toRate("'*/15 * * * *'")).toBe('cron(0/15 * * * ? *)');
    expect(toRate("'0 3 * * 1'")).toBe('cron(0 3 ? * 1 *)');
    expect(toRate('everyMs')).toBeUndefined();
  });

  it('becomes one schedule per hazard with a stable id', () => {
    const timed = (code: string, line: number) => ({
      ...hazard(code, [], 'warning', 'src/jobs/expire-carts.ts', line),
      expression: timerExpression(job, line),
    });
    const hazards = [timed('TIMER_AT_BOOT', 8), timed('CRON_JOB', 9), hazard('LISTEN_CALL', [])];
    expect(findSchedules(hazards)).toEqual([
      {
        id: 'expire-carts',
        hazard: 'TIMER_AT_BOOT',
        file: 'src/jobs/expire-carts.ts',
        line: 8,
        expression: '5 * 60 * 1000',
        rate: 'rate(5 minutes)',
        reason: 'TIMER_AT_BOOT found; fix TIMER_AT_BOOT',
      },
      {
        id: 'expire-carts-2',
        hazard: 'CRON_JOB',
        file: 'src/jobs/expire-carts.ts',
        line: 9,
        expression: "'*/15 * * * *'",
        rate: 'cron(0/15 * * * ? *)',
        reason: 'CRON_JOB found; fix CRON_JOB',
      },
    ]);
  });
});

describe('route selectors', () => {
  const r = (id: string) => ({ id, method: id.split(' ')[0]!, path: id.split(' ')[1]! });
  it.each([
    ['GET /api/users/:id', 'GET /api/users/:id', true],
    ['/debug/**', 'GET /debug', true],
    ['/debug/**', 'POST /debug/cache/flush', true],
    ['/api/*', 'GET /api/users', true],
    ['/api/*', 'GET /api/users/1', false],
    ['POST /api/**', 'GET /api/users', false],
    ['* /api/**', 'DELETE /api/users', true],
  ])('%s on %s → %s', (selector, id, hit) => {
    expect(compileSelector(selector)(r(id))).toBe(hit);
  });
});
