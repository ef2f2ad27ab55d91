import type { Hazard } from '../model/analysis';
import type { Schedule } from '../model/plan';
import { hazardRole, sortHazards } from './hazard-policy';
import { toId } from './naming';

/**
 * Timers and cron jobs the monolith starts at boot, as schedules for the generators. The
 * expression is read from the call at the hazard's line (`setInterval(fn, 60_000)` → `60_000`,
 * `cron.schedule('*\/5 * * * *', fn)` → the cron string); literals become EventBridge rates.
 */
export function findSchedules(hazards: readonly Hazard[], readText: (file: string) => string | undefined): Schedule[] {
  const used = new Set<string>();
  const result: Schedule[] = [];
  for (const hazard of sortHazards(hazards)) {
    if (hazardRole(hazard) !== 'schedule') continue;
    const base = toId(hazard.file.split('/').pop()!.replace(/\.[cm]?[jt]sx?$/, ''));
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const expression = timerExpression(readText(hazard.file), hazard.line) ?? 'unknown';
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

const CALL = /\b(setInterval|setTimeout|schedule|scheduleJob|CronJob|cron)\s*\(/;

/** The interval (last argument of setInterval/setTimeout) or cron string (first string argument) of the call on `line`. */
export function timerExpression(text: string | undefined, line: number): string | undefined {
  if (!text) return undefined;
  const lines = text.split('\n');
  const from = lines.slice(0, Math.max(0, line - 1)).join('\n').length + (line > 1 ? 1 : 0);
  const rest = text.slice(from);
  const call = CALL.exec(rest);
  if (!call || rest.slice(0, call.index).includes('\n\n')) return undefined;
  const args = splitArguments(rest, call.index + call[0].length);
  const cron = args.find((a) => /^['"`][^'"`]+['"`]$/.test(a) && a.slice(1, -1).trim().split(/\s+/).length >= 5);
  if (cron) return cron;
  return call[1] === 'setInterval' || call[1] === 'setTimeout' ? args[1] : args[0];
}

function splitArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    }
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) args.push(current.trim());
  return args;
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
  if (!/^[\d_\s*.]+$/.test(expression)) return undefined;
  const ms = expression.split('*').reduce((acc, f) => acc * Number(f.replace(/_/g, '').trim()), 1);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const minutes = Math.max(1, Math.ceil(ms / 60000));
  return minutes % 1440 === 0 ? `rate(${minutes / 1440} day${minutes === 1440 ? '' : 's'})` : minutes % 60 === 0 ? `rate(${minutes / 60} hour${minutes === 60 ? '' : 's'})` : `rate(${minutes} minute${minutes === 1 ? '' : 's'})`;
}
