import type { SplitPlan } from '../../model/plan';
import { leadsInto } from './boot-effects';
import type { SpecifierAliases } from './module-specifiers';
import type { FileRoutes } from './route-maps';
import type { TableModules } from './table-entries';

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
   * 1-based lines of what builds and starts the function's app in this file: the apps and routers
   * on its routes' paths are created there, or the server listens there. Boot code is never left
   * out with a statement holding one of them, or calling a function of the file that holds one
   * (`startServer()` whose loaders await a timer still builds the app).
   */
  protect?: number[];
  /**
   * Route parameter names (`id` of `/users/:id`) the function's routes and their mount paths
   * hold: a `param('name', fn)` registration for any other name never fires in this function
   * and is left out. Absent when a route's path is a regular expression or unknown (every
   * `param` registration then stays).
   */
  params?: string[];
  /**
   * The registration lines that register modules only other functions need, and the others of
   * the file: per line, the app modules it registers (mount targets, route handler files), each
   * with whether this function needs it. A loop registering a module per turn
   * (`app.use('/' + name, require('./routes/' + file))` over a folder) then loads only those it needs.
   */
  loops?: LoopModules[];
  /**
   * The routers the app's loops over route tables mount, by whether the function needs them: an
   * entry of a table in this file that carries only routers other functions need is left out
   * (see `tableEntries`). Set for every file a function's chain reaches, not only those with a
   * registration to drop: the table often sits in the entry (`new App([new UsersRoute(), ...])`).
   */
  tables?: TableModules;
  /** The file's import specifiers that lead to app files without being relative (`ModuleFile.aliases`). */
  aliases?: SpecifierAliases;
  /**
   * The routes registered in this file, by whether the function serves them, when one of its
   * registration lines registers routes of several functions (a function walking an object route
   * map, `app.map({ '/users': { get: list } })`): the map's methods served elsewhere are left out
   * (see `routeMapEntries`).
   */
  routes?: FileRoutes;
  /**
   * The calls in this file that register decorated controller classes (routing-controllers'
   * `useExpressServer(app, { controllers })`), each with the classes the function's routes are
   * actions of: the copy lists only those, required by path, instead of the monolith's classes or
   * file globs (a glob matches no file beside a bundle, so the library would register nothing).
   */
  controllers?: ControllerList[];
  /**
   * The app modules (app-relative) that do something as they load (see `runsAtLoad`): an import
   * of one that only dropped statements used stays, as a bare import, so its effect still runs.
   */
  loadEffects?: ReadonlySet<string>;
}

/** A call registering decorated controller classes, with those a function needs. */
export interface ControllerList {
  /** 1-based line of the call. */
  line: number;
  /** The classes, by app-relative file and the name that file exports them under, sorted. */
  classes: Array<{ file: string; export: string }>;
}

/** The app modules the turns of one registration line register (see `FileSlice.loops`). */
export interface LoopModules {
  /** 1-based line of the registration. */
  line: number;
  /** App-relative files, sorted, each with whether the function needs it (its routes, their closure). */
  modules: Array<{ file: string; needed: boolean }>;
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
  const registered = new Map<string, { serve: Set<string>; elsewhere: Set<string> }>();
  for (const route of Object.values(plan.routes)) {
    const into = own.has(route.id) ? keep : drop;
    for (const site of [{ file: route.file, line: route.line }, ...(route.alsoAt ?? [])]) {
      add(into, site.file, site.line);
      const inFile = registered.get(site.file) ?? { serve: new Set<string>(), elsewhere: new Set<string>() };
      (own.has(route.id) ? inFile.serve : inFile.elsewhere).add(route.id);
      registered.set(site.file, inFile);
    }
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
  const protect = new Map<string, Set<number>>();
  for (const h of plan.hazards) if (h.code === 'LISTEN_CALL') add(protect, h.file, h.line);
  for (const id of own) for (const ref of plan.routes[id]?.stack ?? []) add(protect, ref.file, ref.line);
  // Loading a file builds (part of) the function's app when it is, or reaches through the module
  // graph (lazy requires included), a file where its routes are registered, mounted or served.
  const appFiles = new Set([...own].flatMap((id) => (plan.routes[id] ? [plan.routes[id].file] : [])).concat([...protect.keys()]));
  const buildsApp = (file: string): boolean => (plan.modules ? leadsInto(file, plan.modules, appFiles, new Set()) : appFiles.has(file));
  for (const h of plan.hazards) {
    if (!REPLACED_AT_BOOT.has(h.code)) continue;
    add(boot, h.file, h.line);
    // The call that starts it elsewhere (`startJobs()`) goes too, unless it also builds the app
    // (`require('./boot')()`, whose `boot()` creates the app, starts a sweep and listens).
    if (h.startedAt && !buildsApp(h.file)) add(boot, h.startedAt.file, h.startedAt.line);
  }
  const params = usedParams(plan, own);
  const loops = loopModules(plan, own, new Set(fn?.files ?? []), throughMounts);
  const controllers = controllerLists(plan, own);
  const slices = new Map<string, FileSlice>();
  for (const file of [...new Set([...drop.keys(), ...boot.keys(), ...controllers.keys()])].sort()) {
    const kept = keep.get(file) ?? new Set<number>();
    const lines = [...(drop.get(file) ?? [])].filter((l) => !kept.has(l)).sort((a, b) => a - b);
    const shared = [...(drop.get(file) ?? [])].some((l) => kept.has(l));
    const routes = shared ? registered.get(file) : undefined;
    const bootLines = [...(boot.get(file) ?? [])].sort((a, b) => a - b);
    const looped = loops.get(file);
    const guarded = bootLines.length > 0 && protect.has(file) ? { protect: [...protect.get(file)!].sort((a, b) => a - b) } : {};
    const lists = controllers.get(file);
    if (lines.length > 0 || bootLines.length > 0 || looped || routes || lists)
      slices.set(file, {
        drop: lines,
        keep: [...kept].sort((a, b) => a - b),
        ...(bootLines.length > 0 ? { boot: bootLines, ...guarded } : {}),
        ...(params ? { params } : {}),
        ...(looped ? { loops: looped } : {}),
        ...(routes ? { routes } : {}),
        ...(lists ? { controllers: lists } : {}),
      });
  }
  return slices;
}

/**
 * Per file, the calls registering decorated controller classes, each with the classes whose
 * actions are among the routes `own` (none, for a function serving none of them). A call
 * registering a class its file does not export is left as it is: no copy could require it.
 */
function controllerLists(plan: SplitPlan, own: ReadonlySet<string>): Map<string, ControllerList[]> {
  const calls = new Map<string, { file: string; line: number; classes: Map<string, { file: string; export: string }>; exported: boolean }>();
  for (const route of Object.values(plan.routes)) {
    const controller = route.controller;
    if (!controller) continue;
    const { file, line } = controller.registeredAt;
    const key = `${file}:${line}`;
    const call = calls.get(key) ?? { file, line, classes: new Map(), exported: true };
    calls.set(key, call);
    if (controller.export === undefined) call.exported = false;
    else if (own.has(route.id)) call.classes.set(`${controller.file}#${controller.export}`, { file: controller.file, export: controller.export });
  }
  const out = new Map<string, ControllerList[]>();
  for (const call of calls.values()) {
    if (!call.exported) continue;
    const classes = [...call.classes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, c]) => c);
    out.set(
      call.file,
      [...(out.get(call.file) ?? []), { line: call.line, classes }].sort((a, b) => a.line - b.line),
    );
  }
  return out;
}

/**
 * The routers loops mount, over the app, split by whether function `fnId` needs them: a mount
 * target registered on a line that mounts several (a loop's turns, `sites`' `loops`) is needed
 * when a mount of it lies on the function's routes' paths or its closure holds it, else only
 * other functions need it. Pure.
 */
export function tableModules(plan: SplitPlan, fnId: string, sites: ReadonlyMap<string, FileSlice>): TableModules {
  const closure = new Set(plan.functions.find((f) => f.id === fnId)?.files ?? []);
  const targets = new Set(plan.mounts.flatMap((m) => (m.target ? [m.target.file] : [])));
  const needed = new Set<string>(closure);
  const unneeded = new Set<string>();
  for (const slice of sites.values()) {
    for (const loop of slice.loops ?? []) for (const m of loop.modules) (m.needed ? needed : unneeded).add(m.file);
  }
  return { elsewhere: new Set([...unneeded].filter((f) => targets.has(f) && !needed.has(f))), needed };
}

/**
 * Per app file registering a module only other functions need (a loop's turns may do so on a line
 * that also registers for this function), each of its registration lines with the modules they
 * register: the targets of the mounts made there and the handler files of the routes registered
 * there (when not the registering file itself). A module is needed when one of the function's
 * registrations names it or its closure `closure` holds it.
 */
function loopModules(plan: SplitPlan, own: ReadonlySet<string>, closure: ReadonlySet<string>, throughMounts: ReadonlySet<string>): Map<string, LoopModules[]> {
  const modules = new Map<string, Map<string, boolean>>();
  const note = (file: string, line: number, module: string, needed: boolean) => {
    if (module === file) return;
    const key = `${file}\0${line}`;
    const at = modules.get(key) ?? new Map<string, boolean>();
    at.set(module, !!at.get(module) || needed || closure.has(module));
    modules.set(key, at);
  };
  for (const route of Object.values(plan.routes)) {
    for (const site of [{ file: route.file, line: route.line }, ...(route.alsoAt ?? [])]) note(site.file, site.line, route.handler.file, own.has(route.id));
  }
  for (const mount of plan.mounts)
    if (mount.target) note(mount.file, mount.line, mount.target.file, throughMounts.has(`${mount.target.file}:${mount.target.line}|${mount.path}`));
  const out = new Map<string, LoopModules[]>();
  for (const [key, at] of modules) {
    const [file, line] = key.split('\0') as [string, string];
    const list = [...at].sort(([a], [b]) => a.localeCompare(b)).map(([module, needed]) => ({ file: module, needed }));
    const lines = out.get(file) ?? [];
    lines.push({ line: Number(line), modules: list });
    out.set(file, lines);
  }
  for (const [file, lines] of out) {
    if (lines.some((l) => l.modules.some((m) => !m.needed))) lines.sort((a, b) => a.line - b.line);
    else out.delete(file);
  }
  return out;
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
 * The app files that register routes or mount routers, with the entries, the files creating
 * the apps and routers on the routes' paths, and the modules connecting them (see
 * `connectingFiles`): the modules a handler may import as sliced copies, whose texts the
 * generators need (`GenerateContext.sources`). App-relative, sorted. Pure.
 */
export function registeringFiles(plan: SplitPlan): string[] {
  const files = new Set<string>();
  for (const route of Object.values(plan.routes)) {
    files.add(route.file);
    for (const site of route.alsoAt ?? []) files.add(site.file);
    if (route.controller) files.add(route.controller.registeredAt.file);
    for (const ref of route.stack ?? []) files.add(ref.file);
    if (route.entry !== undefined) files.add(route.entry);
  }
  for (const mount of plan.mounts) files.add(mount.file);
  for (const file of connectingFiles(plan, files)) files.add(file);
  return [...files].sort();
}

/**
 * The app modules through which the entries reach the registering modules without registering
 * anything themselves, by the plan's module graph: a loader chain (`await require('./loaders')
 * .default({ app })` whose index calls `expressLoader({ app })`), a barrel between routers. A
 * slice must run copies of them, or the original would load the monolith's registering modules
 * whole. The files of routes' handlers and middleware never count (a controller that imports
 * the app for `app.locals` stays the monolith's). None without the module graph.
 */
function connectingFiles(plan: SplitPlan, registering: ReadonlySet<string>): string[] {
  const graph = plan.modules?.files;
  if (!graph) return [];
  const leaves = new Set<string>();
  for (const route of Object.values(plan.routes)) {
    leaves.add(route.handler.file);
    for (const m of [...route.middleware, ...(route.trailing ?? [])]) leaves.add(m.file);
  }
  const reached = new Set<string>();
  const queue = plan.app.entry.filter((e) => Object.hasOwn(graph, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const next of graph[file]?.imports ?? []) if (Object.hasOwn(graph, next) && (registering.has(next) || !leaves.has(next))) queue.push(next);
  }
  // Backwards from the registering modules, over the reached modules importing them.
  const importers = new Map<string, string[]>();
  for (const file of reached) for (const next of graph[file]?.imports ?? []) importers.set(next, [...(importers.get(next) ?? []), file]);
  const connecting = new Set<string>();
  const back = [...registering];
  while (back.length > 0) {
    for (const importer of importers.get(back.pop()!) ?? []) {
      if (registering.has(importer) || connecting.has(importer)) continue;
      connecting.add(importer);
      back.push(importer);
    }
  }
  return [...connecting].sort();
}
