import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { METHODS } from 'node:http';
import * as nodeModule from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';

/** A route a live Express app really serves, in the conventions of docs/routes.md. */
export interface RuntimeRoute {
  /** Upper-case method, `ALL` for `all()`, `USE` for a terminal `use(path, fn)`. */
  method: string;
  /** Full mounted path (`regex:/src/flags`, `<prefix> + regex:/src/flags`). */
  path: string;
}

/** Options of {@link runtimeRoutes}. */
export interface RuntimeRoutesOptions {
  /** Apps that may be mounted as sub-apps: lets an unrecorded `mounted_app` layer be resolved. */
  apps?: unknown[];
}

/** Options of {@link loadAppWithRecorder}. */
export interface LoadOptions {
  /** Absolute path of the express package that `require('express')` must load instead. */
  express?: string;
  /** Module requests answered with the given value instead of being loaded (`cors`, ORMs). */
  stubs?: Record<string, unknown>;
  /** How long to wait after loading for asynchronous registration (default 50 ms). */
  settleMs?: number;
}

/** What {@link loadAppWithRecorder} found. */
export interface LoadedApp {
  /** The app picked from the module. */
  app: unknown;
  /** Every app created while loading, in creation order. */
  apps: unknown[];
  /** The loaded module's exports. */
  exports: unknown;
  /** The routes the picked app serves. */
  routes: RuntimeRoute[];
}

/** Chooses the app to walk from the module's exports and the apps created while loading. */
export type PickApp = (exports: unknown, apps: unknown[]) => unknown;

type Fn = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;
type PathPart = string | RegExp;
interface Layer {
  handle?: unknown;
  route?: Route;
  rawPath?: unknown;
  regexp?: { fast_slash?: boolean };
  slash?: boolean;
  match?: (p: string) => unknown;
  [k: symbol]: MountTag | undefined;
}
interface Route {
  path: unknown;
  stack: { method?: string }[];
  methods?: Record<string, boolean>;
}
interface MountTag {
  path: unknown;
  explicit: boolean;
  last: boolean;
  app?: Fn;
}

const TAG = Symbol.for('cleave.runtime-routes.mount');
const PATCHED = Symbol.for('cleave.runtime-routes.patched');
const recordingApps = new WeakSet<object>();
let recording: unknown[] | undefined;

const isFn = (x: unknown): x is Fn => typeof x === 'function';
const isApp = (x: unknown): x is Fn => isFn(x) && isFn(x.handle) && isFn(x.set);
const isRouter = (x: unknown): x is Fn => isFn(x) && Array.isArray(x.stack) && isFn(x.handle);
const isRegExp = (x: unknown): x is RegExp => Object.prototype.toString.call(x) === '[object RegExp]';

/** The router of an app (`_router` in Express 4, `router` in Express 5); `create` makes it. */
function appRouter(app: Fn, create: boolean): Fn | undefined {
  if (!isFn(app.lazyrouter)) return app.router as Fn;
  if (create) app.lazyrouter();
  return app._router as Fn | undefined;
}

/** Splits `use()` arguments the way Express does. */
function parseUse(args: unknown[]): { path: unknown; explicit: boolean; fns: unknown[] } {
  let arg = args[0];
  while (Array.isArray(arg) && arg.length !== 0) arg = arg[0];
  const explicit = !isFn(arg);
  return { path: explicit ? args[0] : '/', explicit, fns: args.slice(explicit ? 1 : 0).flat(Infinity) };
}

function tagLayers(stack: Layer[], from: number, path: unknown, explicit: boolean, fns?: unknown[]): void {
  const added = stack.slice(from);
  added.forEach((layer, i) => {
    const fn = fns && fns.length === added.length ? fns[i] : undefined;
    layer[TAG] = { path, explicit, last: i === added.length - 1, app: isApp(fn) ? fn : undefined };
  });
}

function fakeServer(args: unknown[]): EventEmitter {
  const server = Object.assign(new EventEmitter(), {
    listening: true,
    address: () => ({ address: '127.0.0.1', family: 'IPv4', port: 0 }),
    close: (cb?: () => void) => {
      if (cb) setImmediate(cb);
      return server;
    },
  });
  const cb = args.find(isFn);
  setImmediate(() => {
    server.emit('listening');
    if (cb) cb();
  });
  return server;
}

/**
 * Patches an express module so mounts remember their original path and sub-app, and so
 * apps created during {@link loadAppWithRecorder} are recorded and never open a port.
 * Idempotent; apps created before the call are not affected.
 */
export function recordExpress(express: unknown): void {
  if (!isFn(express) || express[PATCHED]) return;
  express[PATCHED] = true;
  const appProto = express.application as Record<string, Fn>;
  const Router = express.Router as Fn;
  const routerProto = (isFn((Router.prototype as Record<string, unknown>)?.use) ? Router.prototype : Router) as Record<string, Fn>;
  const routerUse = routerProto.use!;
  routerProto.use = function use(this: Fn, ...args: unknown[]) {
    const stack = this.stack as Layer[];
    const from = stack.length;
    const out = routerUse.apply(this, args);
    const { path: p, explicit } = parseUse(args);
    tagLayers(stack, from, p, explicit);
    return out;
  } as Fn;
  const appUse = appProto.use!;
  appProto.use = function use(this: Fn, ...args: unknown[]) {
    const stack = appRouter(this, true)!.stack as Layer[];
    const from = stack.length;
    const out = appUse.apply(this, args);
    const { path: p, explicit, fns } = parseUse(args);
    tagLayers(stack, from, p, explicit, fns);
    return out;
  } as Fn;
  const init = appProto.init!;
  appProto.init = function (this: Fn, ...args: unknown[]) {
    if (recording) {
      recording.push(this);
      recordingApps.add(this);
    }
    return init.apply(this, args);
  } as Fn;
  const listen = appProto.listen!;
  appProto.listen = function (this: Fn, ...args: unknown[]) {
    return recordingApps.has(this) ? fakeServer(args) : listen.apply(this, args);
  } as Fn;
}

/** Joins two string paths like Express: `/` under a prefix is the prefix, no doubled slash. */
function joinPath(prefix: string, p: string): string {
  if (p === '' || p === '/') return prefix || '/';
  if (prefix === '' || prefix === '/') return p;
  return prefix.endsWith('/') && p.startsWith('/') ? prefix + p.slice(1) : prefix + p;
}

function renderPath(parts: PathPart[]): string {
  const groups: PathPart[] = [];
  for (const part of parts) {
    const last = groups[groups.length - 1];
    if (isRegExp(part)) groups.push(part);
    else if (typeof last === 'string') groups[groups.length - 1] = joinPath(last, part);
    else if (last === undefined || (part !== '/' && part !== '')) groups.push(part);
  }
  if (groups.length > 1 && (groups[0] === '/' || groups[0] === '')) groups.shift();
  if (groups.length === 0) return '/';
  return groups.map((g) => (isRegExp(g) ? `regex:${RegExp.prototype.toString.call(g)}` : g)).join(' + ');
}

function expand(prefixes: PathPart[][], p: unknown): PathPart[][] {
  const paths = (Array.isArray(p) ? p.flat(Infinity) : [p]) as PathPart[];
  return prefixes.flatMap((pre) => paths.map((x) => [...pre, x]));
}

function routeMethods(route: Route): string[] {
  const methods = new Set(route.stack.map((l) => (l.method ? l.method.toUpperCase() : 'ALL')));
  if (route.methods?._all) methods.add('ALL');
  // app.all() registers every method one by one; route().all() sets `_all`
  if (METHODS.every((m) => methods.has(m))) return ['ALL'];
  return [...methods];
}

/** The original path of a mount layer: recorded, kept by Express 5, or `/` when pathless. */
function mountPath(layer: Layer): unknown {
  if (layer[TAG]) return layer[TAG].path;
  if (layer.rawPath !== undefined) return layer.rawPath;
  if (layer.regexp?.fast_slash || layer.slash) return '/';
  throw new Error(
    'runtimeRoutes: a router is mounted under an unknown path; create the app after ' + 'recordExpress(express) or load it with loadAppWithRecorder',
  );
}

/** Finds the app hidden in an unrecorded `mounted_app` layer among the known apps. */
function knownSubApp(layer: Layer, owner: Fn, apps: unknown[], used: Set<unknown>): Fn {
  const found = apps.find(
    (a) => isApp(a) && a.parent === owner && !used.has(a) && [a.mountpath].flat().some((p) => typeof p !== 'string' || Boolean(layer.match?.(p))),
  );
  if (!found) throw new Error('runtimeRoutes: a mounted sub-app is not among options.apps');
  used.add(found);
  return found as Fn;
}

interface Walk {
  out: Map<string, RuntimeRoute>;
  apps: unknown[];
  used: Set<unknown>;
}

function walkStack(w: Walk, stack: Layer[], prefixes: PathPart[][], owner: Fn, depth: number): void {
  if (depth > 32) throw new Error('runtimeRoutes: mounts nested deeper than 32 (a cycle?)');
  for (const layer of stack) {
    if (layer.route) {
      for (const parts of expand(prefixes, layer.route.path)) {
        for (const method of routeMethods(layer.route)) {
          const p = renderPath(parts);
          w.out.set(`${method} ${p}`, { method, path: p });
        }
      }
      continue;
    }
    const h = layer.handle;
    const tag = layer[TAG];
    if (isApp(h) || tag?.app || (isFn(h) && h.name === 'mounted_app')) {
      const sub = isApp(h) ? h : (tag?.app ?? knownSubApp(layer, owner, w.apps, w.used));
      const router = appRouter(sub, false);
      const at = tag ? tag.path : (layer.rawPath ?? sub.mountpath);
      if (router) walkStack(w, router.stack as Layer[], expand(prefixes, at), sub, depth + 1);
    } else if (isRouter(h)) {
      walkStack(w, h.stack as Layer[], expand(prefixes, mountPath(layer)), owner, depth + 1);
    } else if (tag?.explicit && tag.last && isFn(h) && h.length < 3) {
      for (const parts of expand(prefixes, tag.path)) {
        const p = renderPath(parts);
        w.out.set(`USE ${p}`, { method: 'USE', path: p });
      }
    }
  }
}

/** The routes a live Express 4 or 5 app serves, sorted by `METHOD path`, each once. */
export function runtimeRoutes(app: unknown, options: RuntimeRoutesOptions = {}): RuntimeRoute[] {
  if (!isApp(app)) throw new Error('runtimeRoutes: not an express app');
  const w: Walk = { out: new Map(), apps: options.apps ?? [], used: new Set() };
  const router = appRouter(app, false);
  if (router) walkStack(w, router.stack as Layer[], [[]], app, 0);
  return [...w.out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

interface NodeModuleStatics {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  _cache: Record<string, unknown>;
  _extensions: Record<string, ((m: { _compile(src: string, file: string): void }, file: string) => void) | undefined>;
  createRequire: (file: string) => (id: string) => unknown;
}

/** Node's own Module: under jest, `node:module` is a subclass of it whose require is jest's. */
function realModule(): NodeModuleStatics {
  const m = ((nodeModule as { default?: unknown }).default ?? nodeModule) as object;
  const parent = Object.getPrototypeOf(m) as object;
  return (Object.prototype.hasOwnProperty.call(parent, '_load') ? parent : m) as unknown as NodeModuleStatics;
}

function appRoot(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

function transpileTs(m: { _compile(src: string, file: string): void }, file: string): void {
  const ts = require('typescript') as typeof import('typescript');
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  m._compile(out.outputText, file);
}

function defaultPick(exports: unknown, apps: unknown[]): unknown {
  const ex = exports as Record<string, unknown> | undefined;
  if (isApp(ex)) return ex;
  if (isApp(ex?.default)) return ex.default;
  return apps.find((a) => isApp(a) && a.parent === undefined);
}

/**
 * Loads an app module with Node's own loader (outside jest's registry; `.ts` files are
 * transpiled), recording every express copy it requires before any app is created, with
 * `listen` intercepted, then waits for asynchronous registration and walks the picked app.
 */
export async function loadAppWithRecorder(modulePath: string, pick: PickApp = defaultPick, options: LoadOptions = {}): Promise<LoadedApp> {
  const M = realModule();
  const root = appRoot(modulePath);
  for (const key of Object.keys(M._cache)) {
    if (key.startsWith(root + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete M._cache[key];
  }
  const { _load: load } = M;
  const hadTs = M._extensions['.ts'];
  const netListen = net.Server.prototype.listen;
  const apps: unknown[] = [];
  M._load = function (this: unknown, request, parent, isMain) {
    if (options.stubs && Object.prototype.hasOwnProperty.call(options.stubs, request)) return options.stubs[request];
    const exported = load.call(this, request === 'express' && options.express ? options.express : request, parent, isMain);
    if (isFn(exported) && exported.application && isFn(exported.Router)) recordExpress(exported);
    return exported;
  };
  if (!hadTs) M._extensions['.ts'] = transpileTs;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const cb = args.find(isFn);
    if (cb) this.once('listening', cb);
    setImmediate(() => this.emit('listening'));
    return this;
  } as typeof netListen;
  recording = apps;
  try {
    let exported = M.createRequire(modulePath)(modulePath);
    if (isFn((exported as { then?: unknown } | undefined)?.then)) exported = await exported;
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 50));
    const app = await pick(exported, apps);
    return { app, apps, exports: exported, routes: runtimeRoutes(app, { apps }) };
  } finally {
    recording = undefined;
    M._load = load;
    if (!hadTs) delete M._extensions['.ts'];
    net.Server.prototype.listen = netListen;
  }
}
