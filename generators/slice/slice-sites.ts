import type { SplitPlan } from '../../model/plan';

/** The registration lines of one app file, split by whether a function needs them. */
export interface FileSlice {
  /** 1-based lines of registrations (routes, mounts) that only other functions or the monolith need. */
  drop: number[];
  /** 1-based lines of registrations the function needs: a statement holding one is never dropped. */
  keep: number[];
  /**
   * 1-based lines of boot code the platform replaces (a timer, a cron job or a websocket server
   * started there, a shutdown handler): the top-level statement holding each is left out, with
   * the statements that use what it declares.
   */
  boot?: number[];
  /**
   * Route parameter names (`id` of `/users/:id`) the function's routes and their mount paths
   * hold: a `param('name', fn)` registration for any other name never fires in this function
   * and is left out. Absent when a route's path is a regular expression or unknown (every
   * `param` registration then stays).
   */
  params?: string[];
}

/** Hazards whose boot code a function must not run: schedules and API Gateway replace it. */
export const REPLACED_AT_BOOT: ReadonlySet<string> = new Set(['TIMER_AT_BOOT', 'CRON_JOB', 'WEBSOCKET_SERVER', 'SHUTDOWN_HANDLER']);

/**
 * Per app file (relative to the app folder), which registration statements function `fnId` can
 * leave out of its bundle: the routes of other functions and of the monolith, and the mounts of
 * routers none of its routes pass through; and which boot code no function runs (see `boot`). A line that also registers one of its own routes, or
 * a mount one of them needs, is kept, so a statement registering for several functions stays.
 * Files without a line to drop are absent. Pure.
 */
export function sliceSites(plan: SplitPlan, fnId: string): Map<string, FileSlice> {
  const fn = plan.functions.find((f) => f.id === fnId);
  const own = new Set(fn?.routes ?? []);
  const drop = new Map<string, Set<number>>();
  const keep = new Map<string, Set<number>>();
  const add = (into: Map<string, Set<number>>, file: string, line: number) => into.set(file, (into.get(file) ?? new Set()).add(line));
  const throughMounts = new Set<string>();
  for (const route of Object.values(plan.routes)) {
    const into = own.has(route.id) ? keep : drop;
    for (const site of [{ file: route.file, line: route.line }, ...(route.alsoAt ?? [])]) add(into, site.file, site.line);
    if (own.has(route.id)) for (const ref of (route.stack ?? []).slice(1)) throughMounts.add(`${ref.file}:${ref.line}|${ref.mountPath}`);
    // A library mounted without a path both answers a route of its own and runs as middleware for
    // the routes after it (`app.use(robots(...))`): a route of this function needs that line.
    if (own.has(route.id)) for (const m of route.middleware) if (m.package !== undefined) add(keep, m.file, m.line);
  }
  for (const mount of plan.mounts) {
    const needed = !mount.target || throughMounts.has(`${mount.target.file}:${mount.target.line}|${mount.path}`);
    add(needed ? keep : drop, mount.file, mount.line);
  }
  const boot = new Map<string, Set<number>>();
  for (const h of plan.hazards) {
    if (REPLACED_AT_BOOT.has(h.code)) for (const site of [h, ...(h.startedAt ? [h.startedAt] : [])]) add(boot, site.file, site.line);
  }
  const params = usedParams(plan, own);
  const slices = new Map<string, FileSlice>();
  for (const file of [...new Set([...drop.keys(), ...boot.keys()])].sort()) {
    const kept = keep.get(file) ?? new Set<number>();
    const lines = [...(drop.get(file) ?? [])].filter((l) => !kept.has(l)).sort((a, b) => a - b);
    const bootLines = [...(boot.get(file) ?? [])].sort((a, b) => a - b);
    if (lines.length > 0 || bootLines.length > 0) slices.set(file, { drop: lines, keep: [...kept].sort((a, b) => a - b), ...(bootLines.length > 0 ? { boot: bootLines } : {}), ...(params ? { params } : {}) });
  }
  return slices;
}

/** The `:name` parameters in the full paths of the routes `own`, sorted; undefined when one path is a regular expression or has an unknown part. */
function usedParams(plan: SplitPlan, own: ReadonlySet<string>): string[] | undefined {
  const names = new Set<string>();
  for (const id of own) {
    const route = plan.routes[id];
    if (!route || route.path.includes('regex:') || route.path.includes('{?}')) return undefined;
    for (const ref of route.stack ?? []) if (ref.mountPath.includes('{?}') || ref.mountPath.includes('regex:')) return undefined;
    for (const m of route.path.matchAll(/:([A-Za-z0-9_$]+)/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

/**
 * The app files that register routes or mount routers, with the entries and the files creating
 * the apps and routers on the routes' paths: the modules a handler may import as sliced copies,
 * whose texts the generators need (`GenerateContext.sources`). App-relative, sorted. Pure.
 */
export function registeringFiles(plan: SplitPlan): string[] {
  const files = new Set<string>();
  for (const route of Object.values(plan.routes)) {
    files.add(route.file);
    for (const site of route.alsoAt ?? []) files.add(site.file);
    for (const ref of route.stack ?? []) files.add(ref.file);
    if (route.entry !== undefined) files.add(route.entry);
  }
  for (const mount of plan.mounts) files.add(mount.file);
  return [...files].sort();
}
