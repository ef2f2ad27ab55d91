import type { AppSetting, Middleware, Route, RouterRef, SourceImport } from '../../model/analysis';
import type { PlanFunction, SplitPlan } from '../../model/plan';
import { type BootEffect, effectMatters } from '../slice/boot-effects';
import { REPLACED_AT_BOOT } from '../slice/slice-sites';

/**
 * How a function's handler reproduces each route: which app or router of the route's stack it
 * imports and mounts (the deepest one it can import whose outer chain it can rebuild), which
 * middleware run before and after it, and which routes it cannot reproduce at all.
 */
export interface MountPlan {
  /** Mounts in the order the handler registers them. */
  mounts: Mount[];
  /** Routes left out of the handler, with the reason (the fallback route sends them to the monolith). */
  omitted: Array<{ route: string; reason: string }>;
  /** Routes served by importing the whole root app, with the reason it was needed. */
  wholeApp: Array<{ route: string; reason: string }>;
}

/** One imported app or router with the routes the handler lets through to it. */
export interface Mount {
  /** The app or router to import (`level` 0 is the root app). */
  target: RouterRef;
  /** Its index in the routes' stack. */
  level: number;
  /** Settings of the root app to repeat on the handler's app (when `level` > 0). */
  settings: AppSetting[];
  /** Middleware registered above `target` that run before it, merged over its routes, in order. */
  before: Middleware[];
  /** Middleware registered above `target` that run after it (404 catch-alls, error handlers). */
  after: Middleware[];
  /** Route ids the handler lets through to it. */
  routes: Route[];
  /**
   * The server entry to run (with `listen` intercepted) when the root app is neither exported nor
   * made by an exported factory, or when the entry does at boot what the routes need (connects
   * the database, registers passport strategies), or when the module exporting the root app
   * listens as it loads (then it is that module): `level` 0 only.
   */
  entry?: string;
  /** With `entry`: the root app is exported too, so it is taken from its module when the entry starts no server while it loads (`if (require.main === module) app.listen()`). */
  exported?: boolean;
}

/** Boot effects of the registering modules, by app-relative file (see `bootEffects`). */
export type BootEffectsByFile = ReadonlyMap<string, readonly BootEffect[]>;

/** Boot code that is no effect a route needs: what the platform replaces, and `listen` (the handler intercepts it). */
const NOT_NEEDED_AT_BOOT = new Set([...REPLACED_AT_BOOT, 'LISTEN_CALL']);

const LITERAL_ARG = /^('([^'\\]|\\.)*'|"([^"\\]|\\.)*"|-?\d+(\.\d+)?|true|false|null)$/;

/**
 * Decides how the handler of `fn` reproduces each of its routes. With the boot effects of the
 * registering modules, a router is imported alone only when nothing above it (its outer
 * registering modules and the server entry) does at boot what the function's routes need;
 * otherwise the root app is used, and the entry run first when that is where the effect is. Pure.
 */
export function planMounts(plan: SplitPlan, fn: PlanFunction, boot: BootEffectsByFile = new Map()): MountPlan {
  const result: MountPlan = { mounts: [], omitted: [], wholeApp: [] };
  const needed = neededEffects(plan, fn, boot);
  // Importing a module that listens as it loads (`app.listen(port); export default app`) would
  // open a port in every function: the handler runs it as an entry, with listen intercepted.
  const listens = new Set(plan.hazards.filter((h) => h.code === 'LISTEN_CALL').map((h) => h.file));
  const byKey = new Map<string, Mount>();
  const names = new Map<string, string>([['handler', 'cleave']]);
  for (const id of fn.routes) {
    const route = plan.routes[id];
    if (!route) {
      result.omitted.push({ route: id, reason: 'the plan has no route with this id in `routes`' });
      continue;
    }
    const choice = chooseLevel(route, names, needed);
    if ('reason' in choice) {
      result.omitted.push({ route: id, reason: choice.reason });
      continue;
    }
    if (choice.level === 0 && choice.why) result.wholeApp.push({ route: id, reason: choice.why });
    const stack = route.stack!;
    const target = stack[choice.level]!;
    const key = `${target.file}:${target.line}:${target.mountPath}`;
    let mount = byKey.get(key);
    if (!mount) {
      mount = { target, level: choice.level, settings: choice.level > 0 ? (stack[0]!.settings ?? []) : [], before: [], after: [], routes: [] };
      const importable = target.export !== undefined || target.factory !== undefined;
      if (choice.level === 0 && (!importable || choice.runEntry)) mount.entry = route.entry;
      else if (choice.level === 0 && listens.has(target.file)) mount.entry = target.file;
      if (mount.entry !== undefined && importable) mount.exported = true;
      byKey.set(key, mount);
      result.mounts.push(mount);
    }
    mount.routes.push(route);
    for (const m of outerChain(route, choice.level)) for (const i of m.imports ?? []) names.set(i.local, importKey(i));
    mount.before = mergeChains(
      mount.before,
      route.middleware.filter((m) => (m.level ?? 0) < choice.level),
    );
    mount.after = mergeChains(
      mount.after,
      (route.trailing ?? []).filter((m) => (m.level ?? 0) < choice.level),
    );
  }
  return wholeAppForAll(result);
}

/**
 * When one route needs the whole app, the bundle holds it anyway: serve every route through it,
 * so the function has one session store and one chain instead of two that disagree.
 */
function wholeAppForAll(result: MountPlan): MountPlan {
  const whole = result.mounts.find((m) => m.level === 0);
  if (!whole || result.mounts.length === 1) return result;
  const others = result.mounts.filter((m) => m !== whole).flatMap((m) => m.routes);
  const because = `another route of the function (${result.wholeApp[0]?.route ?? whole.routes[0]!.id}) needs the whole app`;
  return {
    mounts: [{ ...whole, routes: [...whole.routes, ...others].sort((a, b) => a.id.localeCompare(b.id)) }],
    omitted: result.omitted,
    wholeApp: [...result.wholeApp, ...others.map((r) => ({ route: r.id, reason: because }))],
  };
}

type Choice = { level: number; why?: string; runEntry?: boolean } | { reason: string };

/** The boot effects of a file that the function's routes need: not replaced by the platform, and touching their closure. */
type NeededEffects = (file: string) => BootEffect | undefined;

function neededEffects(plan: SplitPlan, fn: PlanFunction, boot: BootEffectsByFile): NeededEffects {
  const replaced = new Map<string, Array<{ line: number; code: string }>>();
  for (const h of plan.hazards) {
    if (!NOT_NEEDED_AT_BOOT.has(h.code)) continue;
    for (const site of [h, ...(h.startedAt ? [h.startedAt] : [])])
      replaced.set(site.file, [...(replaced.get(site.file) ?? []), { line: site.line, code: h.code }]);
  }
  const replacing = (e: BootEffect) => (replaced.get(e.file) ?? []).find((r) => r.line >= e.line && r.line <= e.endLine);
  return (file) => {
    const effects = boot.get(file) ?? [];
    // What a websocket server's statements use (the `ws` package) serves its clients: listeners that push to them too.
    const socketPackages = new Set(
      effects.filter((e) => replacing(e)?.code === 'WEBSOCKET_SERVER').flatMap((e) => e.sources.flatMap((s) => ('package' in s ? [s.package] : []))),
    );
    const servesSockets = (e: BootEffect) => e.sources.some((s) => 'package' in s && socketPackages.has(s.package));
    return effects.find((e) => !replacing(e) && !servesSockets(e) && effectMatters(e, fn, plan.modules));
  };
}

/** The first needed boot effect above `level` of the route's stack: in the registering modules of the outer levels, or in the server entry. */
function effectAbove(route: Route, level: number, needed: NeededEffects): BootEffect | undefined {
  const files = new Set(route.stack!.slice(0, level).map((r) => r.file));
  if (route.entry !== undefined) files.add(route.entry);
  for (const file of files) {
    const effect = needed(file);
    if (effect) return effect;
  }
  return undefined;
}

function describeEffect(effect: BootEffect): string {
  return `${effect.file}:${effect.line} runs \`${effect.text}\` at boot`;
}

/** The deepest importable level of the route's stack whose outer chain can be rebuilt. */
function chooseLevel(route: Route, names: ReadonlyMap<string, string>, needed: NeededEffects): Choice {
  const stack = route.stack;
  if (!stack || stack.length === 0) return { reason: 'the plan was made by a cleave without route stacks: re-run `cleave plan`' };
  if (route.path.includes('{?}')) return { reason: 'part of its path is not statically known' };
  if (/ \+ regex:/.test(route.path) && /[:*]/.test(route.path.split(' + regex:')[0]!))
    return { reason: 'a regular expression under a mount path with parameters cannot be matched by the guard' };
  const root = stack[0]!;
  const importable = root.export !== undefined || root.factory !== undefined;
  const rootReachable = importable || route.entry !== undefined;
  const how = importable
    ? ''
    : `; the root app (${where(root)}) is not exported, so the handler runs its entry ${route.entry} with listen intercepted (its boot code runs too)`;
  const entryEffect = importable && route.entry !== undefined && route.entry !== root.file ? needed(route.entry) : undefined;
  const runningEntry = (why: string): Choice => {
    const effect = describeEffect(entryEffect!);
    const because = why && !why.startsWith(effect) ? `${why}; ` : '';
    return { level: 0, runEntry: true, why: `${because}its entry ${effect}, so the handler runs the entry (listen intercepted) before it takes the app` };
  };
  if (route.conditional) {
    const why = `its registration is conditional (${route.conditional}); the app decides at run time`;
    if (entryEffect) return runningEntry(why);
    return rootReachable
      ? { level: 0, why: `${why}${how}` }
      : { reason: `its registration is conditional and the root app (${where(root)}) cannot be imported` };
  }
  let why = '';
  for (let level = stack.length - 1; level >= 1; level--) {
    const effect = rootReachable ? effectAbove(route, level, needed) : undefined;
    const problem = levelProblem(route, level, names) ?? (effect && `${describeEffect(effect)}, which importing ${where(stack[level]!)} alone would leave out`);
    if (!problem) return { level };
    if (!why) why = problem;
  }
  if (entryEffect) return runningEntry(why);
  if (rootReachable) return { level: 0, why: `${why || 'it is registered on the root app itself'}${how}` };
  return {
    reason: `${why || 'it is registered on the root app itself'}, and the root app (${where(root)}) is neither exported nor made by an exported factory without parameters, and the route names no entry`,
  };
}

/** Why the route cannot be served by mounting `stack[level]` alone, or undefined when it can. */
function levelProblem(route: Route, level: number, names: ReadonlyMap<string, string>): string | undefined {
  const stack = route.stack!;
  const target = stack[level]!;
  if (target.export === undefined && target.factory === undefined) return `${where(target)} is built inside a function and not exported`;
  if (/regex:|\{\?\}/.test(target.mountPath)) return `${where(target)} is mounted at a path cleave cannot repeat (${target.mountPath})`;
  const subApp = stack.slice(1, level).find((r) => r.kind === 'app');
  if (subApp) return `the sub-app ${where(subApp)} above it would be left out`;
  const unsettled = (stack[0]!.settings ?? []).find((s) => s.conditional || !s.args.every((a) => LITERAL_ARG.test(a)));
  if (unsettled)
    return `the root app's setting ${unsettled.method}(${unsettled.args.join(', ')}) ${unsettled.conditional ? `is made only when ${unsettled.conditional}` : 'has an argument that is not a literal'}, so it cannot be repeated on a new app`;
  const outer = outerChain(route, level);
  const blocker = outer.find((m) => m.conditional !== undefined || m.imports === undefined || m.source === undefined);
  if (blocker)
    return `middleware ${blocker.name} (${blocker.sourceFile ?? blocker.file}) ${blocker.conditional ? 'is registered conditionally' : 'cannot be rebuilt from its imports'}`;
  const bound = new Map(names);
  for (const i of outer.flatMap((m) => m.imports ?? [])) {
    if (bound.has(i.local) && bound.get(i.local) !== importKey(i))
      return `the name ${i.local} means different things in the middleware sources this function combines`;
    bound.set(i.local, importKey(i));
  }
  return undefined;
}

/** The middleware registered above `level` that the handler must rebuild for the route. */
function outerChain(route: Route, level: number): Middleware[] {
  return [...route.middleware, ...(route.trailing ?? [])].filter((m) => (m.level ?? 0) < level);
}

function importKey(i: SourceImport): string {
  return `${i.file ?? ''}|${i.package ?? ''}|${i.imported}`;
}

function where(ref: RouterRef): string {
  return `${ref.kind} of ${ref.file}:${ref.line}`;
}

/** Merges two middleware sequences that are subsequences of one registration order. */
export function mergeChains(a: Middleware[], b: Middleware[]): Middleware[] {
  const keys = new Set(a.map(chainKey));
  const out = [...a];
  let insertAt = 0;
  for (const m of b) {
    const key = chainKey(m);
    const at = out.findIndex((x) => chainKey(x) === key);
    if (at >= 0) {
      insertAt = at + 1;
      continue;
    }
    if (!keys.has(key)) {
      out.splice(insertAt, 0, m);
      keys.add(key);
      insertAt++;
    }
  }
  return out;
}

/** Identity of a middleware registration. */
export function chainKey(m: Middleware): string {
  return `${m.level ?? 0}|${m.sourceFile ?? m.file}|${m.path ?? ''}|${m.source ?? m.name}`;
}
