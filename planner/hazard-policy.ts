import type { Hazard } from '../model/analysis';
import type { HazardCode } from '../model/hazard-codes';

/** What the planner does with a hazard. */
export type HazardRole =
  /** its routes cannot run in a function: they stay in the monolith */
  | 'keep'
  /** its routes share in-process state: they share one function, or all stay in the monolith */
  | 'bind'
  /** a timer or cron job at boot: becomes a scheduled function */
  | 'schedule'
  /** its routes can run in a function with care: listed on the function, advice in the report */
  | 'note';

/** Hazards whose routes cannot be served by a short-lived function at all. */
const KEEP: ReadonlySet<string> = new Set<HazardCode>(['WEBSOCKET_SERVER', 'SERVER_SENT_EVENTS']);
/** Hazards binding their routes through state in one process's memory. */
const BIND: ReadonlySet<string> = new Set<HazardCode>(['MODULE_STATE_SHARED', 'EVENT_EMITTER_STATE']);
/** Hazards that start work at boot instead of per request. */
const SCHEDULE: ReadonlySet<string> = new Set<HazardCode>(['TIMER_AT_BOOT', 'CRON_JOB']);

/**
 * The role of a hazard: by code, and `error` severity (cannot run in a function) means keep.
 * A route reading local files (`res.sendFile` of an upload) stays in the monolith when requests
 * of the app write local files: what it reads may have been written by another request, on disk
 * no function shares. Reading files shipped with the code is fine, so without such writes it is a
 * note, and so is a read the hazard stage found to name a file shipped with the code (`info`:
 * a path from `__dirname` and literals, such as a maintenance page every route may send).
 */
export function hazardRole(hazard: Hazard, all: readonly Hazard[] = []): HazardRole {
  if (SCHEDULE.has(hazard.code)) return 'schedule';
  if (KEEP.has(hazard.code)) return 'keep';
  if (hazard.code === 'LOCAL_FILE_READ_AT_REQUEST') return hazard.severity !== 'info' && requestWrites(all).length > 0 ? 'keep' : 'note';
  if (BIND.has(hazard.code)) return 'bind';
  return hazard.severity === 'error' ? 'keep' : 'note';
}

/**
 * Why a route stays for a keeping hazard, the way the plan's `keep` says it: which hazard and
 * where, what it does, the writes it depends on (for a file read), and the change that would let
 * the route run in a function.
 */
export function keepReason(hazard: Hazard, all: readonly Hazard[] = []): string {
  const writes = hazard.code === 'LOCAL_FILE_READ_AT_REQUEST' ? requestWrites(all) : [];
  const readsBack =
    writes.length > 0
      ? `; requests write local files (${writes.slice(0, 3).map(hazardRef).join(', ')}${writes.length > 3 ? ', ...' : ''}) that it may read back`
      : '';
  const free = hazard.advice ? `; to move it to a function: ${hazard.advice}` : '';
  return `${hazardRef(hazard)}: ${hazard.message}${readsBack}${free}`;
}

/** Writes to the local disk made while serving routes, sorted. */
function requestWrites(all: readonly Hazard[]): Hazard[] {
  return sortHazards(all.filter((h) => h.code === 'LOCAL_DISK_WRITE' && h.routes.length > 0));
}

/** `CODE file:line`, the way plans and reasons cite a hazard. */
export function hazardRef(hazard: Hazard): string {
  return `${hazard.code} ${hazard.file}:${hazard.line}`;
}

/** Hazards sorted by file, line and code, so everything derived from them is ordered. */
export function sortHazards(hazards: readonly Hazard[]): Hazard[] {
  return [...hazards].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
}
