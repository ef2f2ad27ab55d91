import type { Hazard } from '../model/analysis';
import type { Schedule } from '../model/plan';
import { literalIntervalMs, rateMinutes } from '../model/schedule-interval';
import { hazardRole, sortHazards } from './hazard-policy';
import { toId } from './naming';

/**
 * Timers and cron jobs the monolith starts at boot, as schedules for the generators. The
 * expression is the one the analysis read from the call (`setInterval(fn, 60_000)` → `60_000`,
 * `cron.schedule('*\/5 * * * *', fn)` → the cron string); literals become EventBridge rates.
 */
export function findSchedules(hazards: readonly Hazard[]): Schedule[] {
  const used = new Set<string>();
  const result: Schedule[] = [];
  for (const hazard of sortHazards(hazards)) {
    if (hazardRole(hazard) !== 'schedule') continue;
    const base = toId(
      hazard.file
        .split('/')
        .pop()!
        .replace(/\.[cm]?[jt]sx?$/, ''),
    );
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const expression = hazard.expression ?? 'unknown';
    const rate = toRate(expression);
    const schedule: Schedule = {
      id,
      hazard: hazard.code,
      file: hazard.file,
      line: hazard.line,
      expression,
      reason: `${hazard.message}${rate ? '' : ' (interval not a literal: set the schedule by hand)'}; ${hazard.advice || 'run it as a scheduled function'}`,
    };
    if (rate) schedule.rate = rate;
    result.push(schedule);
  }
  return result.sort((a, b) => a.id.localeCompare(b.id));
}

/** An EventBridge schedule expression for a literal interval in ms or a cron string; undefined otherwise. */
export function toRate(expression: string): string | undefined {
  const quoted = /^['"`](.+)['"`]$/.exec(expression);
  if (quoted) {
    const fields = quoted[1]!.trim().split(/\s+/);
    const [min, hour, dom, month, dow] = (fields.length === 6 ? fields.slice(1) : fields).map((f) => f.replace(/^\*\//, '0/'));
    if (!min || !hour || !dom || !month || !dow || fields.length > 6) return undefined;
    return dow === '*' ? `cron(${min} ${hour} ${dom} ${month} ? *)` : `cron(${min} ${hour} ? ${month} ${dow} *)`;
  }
  const ms = literalIntervalMs(expression);
  if (ms === undefined) return undefined;
  const minutes = rateMinutes(ms);
  return minutes % 1440 === 0
    ? `rate(${minutes / 1440} day${minutes === 1440 ? '' : 's'})`
    : minutes % 60 === 0
      ? `rate(${minutes / 60} hour${minutes === 60 ? '' : 's'})`
      : `rate(${minutes} minute${minutes === 1 ? '' : 's'})`;
}
