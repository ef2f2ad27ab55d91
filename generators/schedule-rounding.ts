import type { Schedule } from '../model/plan';
import { MINUTE_MS, literalIntervalMs, rateMinutes } from '../model/schedule-interval';
import type { GeneratorDiagnostic } from './types';

/**
 * `SCHEDULE_RATE_ROUNDED` for a timer whose literal interval is no whole number of minutes
 * (`setInterval(fn, 30_000)`): EventBridge rates count whole minutes, at least one, so the planner
 * rounded it up, and the scheduled function runs less often than the monolith's timer. Undefined
 * when the rate is exact, or when the schedule is a cron string or has no rate.
 */
export function roundedRateDiagnostic(schedule: Schedule, file: string): GeneratorDiagnostic | undefined {
  const ms = literalIntervalMs(schedule.expression);
  if (!schedule.rate || ms === undefined || ms % MINUTE_MS === 0) return undefined;
  const every = duration(ms);
  const rounded = duration(rateMinutes(ms) * MINUTE_MS);
  return {
    code: 'SCHEDULE_RATE_ROUNDED',
    severity: 'warning',
    file,
    subject: schedule.id,
    message: `the ${schedule.hazard} at ${schedule.file}:${schedule.line} runs every ${every} (${schedule.expression}); an EventBridge rate counts whole minutes, at least 1, so it became ${schedule.rate}: the scheduled function runs every ${rounded} instead`,
    advice: `if every ${rounded} is too seldom, make the scheduled function repeat the job every ${every} within one invocation, inside its timeout; if it is enough, give the monolith's timer a whole number of minutes so both agree`,
  };
}

/** `30 s`, `1.5 s`, `2 min`, `2 min 30 s`. */
function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds - minutes * 60) * 1000) / 1000;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
