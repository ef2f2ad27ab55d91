/** Milliseconds in a minute: EventBridge `rate(...)` schedules count whole minutes, at least one. */
export const MINUTE_MS = 60_000;

/**
 * The interval in milliseconds of a timer written as a numeric literal or a product of them
 * (`30_000`, `5 * 60 * 1000`), as found in the source; undefined for anything else (a name, a
 * cron string, zero). Shared by the planner, which turns it into a rate, and the generators, which
 * say when that rate differs from it.
 */
export function literalIntervalMs(expression: string): number | undefined {
  if (!/^[\d_\s*.]+$/.test(expression)) return undefined;
  const ms = expression.split('*').reduce((acc, f) => acc * Number(f.replace(/_/g, '').trim()), 1);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The minutes of the EventBridge rate for an interval: rounded up to whole minutes, at least one. */
export function rateMinutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE_MS));
}
