import * as nodePath from 'node:path';
import type { Node } from 'ts-morph';
import type { MiddlewareScope } from '../../../model/analysis';
import type { FunctionRef } from './describe';
import type { Evaluator } from '../evaluator/evaluator';
import { PATHLESS_SERVED, ROUTE_SERVING_PACKAGES, SERVES_UNDER_MOUNT, libraryPathOption } from './library-routes';
import { joinPath, pathParts, underPath } from './paths';
import type { ControllerOrigin, Layer, LayerArg, RouterModel } from './router-model';
import { compact } from '../evaluator/text';
import type { Value } from '../evaluator/values';

/** A middleware in force at some point of a router's registration list. */
export interface ChainEntry {
  /** The middleware. */
  ref: FunctionRef;
  /** app, router or route level. */
  scope: MiddlewareScope;
  /** Full path it is limited to (`app.use('/api', auth)`), if any. */
  path?: string;
  /** Guards around its registration. */
  conditions: string[];
  /** Index in the route's `stack` of the app or router it is registered on. */
  level: number;
}

/** An app or router a route's request passes through, with the layer it passes through there. */
export interface StackEntry {
  /** The app or router. */
  router: RouterModel;
  /** Full path it is mounted at. */
  mountPath: string;
  /** Index in `router.layers` of the mount (or, for the last entry, of the route's registration). */
  index: number;
}

/** A route as the walk of the app tree finds it, before it becomes part of the Analysis. */
export interface FlatRoute {
  /** Upper-case method, `ALL` or `USE`. */
  method: string;
  /** Full path. */
  path: string;
  /** The registration call. */
  site: Node;
  /** The final handler. */
  handler: FunctionRef;
  /** Middleware in execution order. */
  middleware: ChainEntry[];
  /** Guards around the registration and its mounts. */
  conditions: string[];
  /** Entry file (absolute) of the app serving it. */
  entry: string;
  /** Later registration sites of the same method and path. */
  alsoAt: Node[];
  /** The app or router the route is registered on, and the full path it is mounted at. */
  owner: { router: RouterModel; mountPath: string };
  /** From the root app to `owner`: every app and router the request passes through. */
  stack: StackEntry[];
  /** The npm package that serves it, when a library answers the path (`swagger-ui-express`). */
  library?: string;
  /** For an action of a decorated controller class: the class and the call that registered it. */
  controller?: ControllerOrigin;
}

/** A router or sub-app mount found by the walk. */
export interface FlatMount {
  /** Full mount path. */
  path: string;
  /** Router or sub-app. */
  kind: 'router' | 'app';
  /** The `use` call. */
  site: Node;
  /** Where the mounted router was created. */
  target: Node;
  /** Guards around the mount. */
  conditions: string[];
}

/** An `express.static` mount. */
export interface FlatStatic {
  /** Full mount path. */
  path: string;
  /** The folder argument's value text. */
  dir: string;
  /** The `use` call. */
  site: Node;
}

/** What walking every root app gives. */
export interface FlatApp {
  /** Routes in registration (matching) order, merged by method and path. */
  routes: FlatRoute[];
  /** Router and sub-app mounts. */
  mounts: FlatMount[];
  /** Static folders. */
  statics: FlatStatic[];
}

/** Mount levels below the app that are walked; deeper mounts get `MOUNT_NESTING_LIMIT` (a router mounted inside itself ends here too). */
const MAX_NESTING = 24;

/**
 * Walks each root app (an app nobody mounts) through its layers in registration order, the way
 * Express dispatches: middleware applies to the routes registered after it, mounts add their
 * prefix, and each route gets its full path and middleware chain.
 */
export function flattenApps(ev: Evaluator, routers: RouterModel[]): FlatApp {
  const out: FlatApp = { routes: [], mounts: [], statics: [] };
  const byId = new Map<string, FlatRoute>();
  const emit = (route: FlatRoute): void => {
    const id = `${route.method} ${route.path}`;
    const existing = byId.get(id);
    if (!existing) {
      byId.set(id, route);
      out.routes.push(route);
    } else if (existing.site !== route.site && !existing.alsoAt.includes(route.site)) {
      mergeDuplicate(existing, route);
    }
  };
  for (const root of routers.filter((r) => r.kind === 'app' && !r.mounted)) {
    walk(ev, root, { prefix: '/', chain: [], conditions: [], isRoot: true, depth: 0, entry: root.entry, trail: [] }, emit, out);
  }
  reportUnmounted(ev, routers);
  return out;
}

interface WalkState {
  prefix: string;
  chain: ChainEntry[];
  conditions: string[];
  isRoot: boolean;
  depth: number;
  entry: string;
  /** The apps and routers above this one, with their mounting layers. */
  trail: StackEntry[];
}

function walk(ev: Evaluator, router: RouterModel, state: WalkState, emit: (r: FlatRoute) => void, out: FlatApp): void {
  const chain = [...state.chain];
  router.layers.forEach((layer, index) => {
    const conditions = unique([...state.conditions, ...layer.conditions]);
    const here: StackEntry = { router, mountPath: state.prefix, index };
    if (layer.type === 'route') emitRoute(ev, layer, router, { ...state, chain, conditions }, here, emit);
    else walkUse(ev, layer, router, { ...state, chain, conditions }, here, emit, out);
  });
}

function emitRoute(ev: Evaluator, layer: Layer, router: RouterModel, state: WalkState, here: StackEntry, emit: (r: FlatRoute) => void): void {
  const handler = layer.args[layer.args.length - 1];
  if (!handler) return;
  const leading = layer.args.slice(0, -1).filter((a) => !isErrorHandler(a));
  for (const part of pathParts(layer.paths)) {
    reportDynamic(ev, layer.pathNode ?? layer.node, part.dynamic);
    const path = joinPath(state.prefix, part.path);
    const middleware = [
      ...state.chain.filter((m) => !m.path || underPath(m.path, path)),
      ...leading.map((a): ChainEntry => ({ ref: a.asMiddleware, scope: 'route', conditions: [], level: state.trail.length })),
    ];
    emit({
      method: layer.method,
      path,
      site: layer.node,
      handler: handler.asHandler,
      middleware,
      conditions: state.conditions,
      entry: state.entry,
      alsoAt: [],
      owner: { router, mountPath: state.prefix },
      stack: [...state.trail, here],
      ...(layer.library ? { library: layer.library } : {}),
      ...(layer.controller ? { controller: layer.controller } : {}),
    });
  }
}

function walkUse(ev: Evaluator, layer: Layer, router: RouterModel, state: WalkState, here: StackEntry, emit: (r: FlatRoute) => void, out: FlatApp): void {
  const scope: MiddlewareScope = state.isRoot ? 'app' : 'router';
  /** A route the `use` layer answers itself: its handler at `path`, behind the chain above it. */
  const served = (method: string, path: string, arg: LayerArg, library?: string): void =>
    emit({
      method,
      path,
      site: layer.node,
      handler: arg.asHandler,
      middleware: state.chain.filter((m) => !m.path || underPath(m.path, path)),
      conditions: state.conditions,
      entry: state.entry,
      alsoAt: [],
      owner: { router, mountPath: state.prefix },
      stack: [...state.trail, here],
      ...(library ? { library } : {}),
    });
  for (const part of pathParts(layer.paths)) {
    reportDynamic(ev, layer.pathNode ?? layer.node, part.dynamic);
    const path = joinPath(state.prefix, part.path);
    const scoped = part.path !== '/' && part.path !== '';
    layer.args.forEach((arg, index) => {
      const value = arg.value;
      const routers = value.kind === 'router' ? [value.router] : value.kind === 'lib' ? (value.wraps ?? []) : [];
      if (routers.length > 0) {
        if (state.depth >= MAX_NESTING) {
          ev.diagnostics.atNode(
            'MOUNT_NESTING_LIMIT',
            'warning',
            arg.node,
            `routers nested more than ${MAX_NESTING} levels deep: nothing under ${path} is listed`,
            'mount the deep routers nearer the app (or a router is mounted inside itself)',
          );
          return;
        }
        for (const router of routers) {
          out.mounts.push({ path, kind: router.kind, site: layer.node, target: router.node, conditions: state.conditions });
          walk(
            ev,
            router,
            {
              prefix: path,
              chain: state.chain,
              conditions: state.conditions,
              isRoot: false,
              depth: state.depth + 1,
              entry: state.entry,
              trail: [...state.trail, here],
            },
            emit,
            out,
          );
        }
      } else if (value.kind === 'express-static') {
        out.statics.push({ path, dir: staticDir(ev, value.dir), site: layer.node });
      } else if (value.kind === 'lib' && scoped && SERVES_UNDER_MOUNT.has(value.pkg)) {
        // The library answers its mount path and what lies below (swagger-ui's page and assets): one USE route, placed like any other.
        if (layer.args.slice(index + 1).some((a) => a.value.kind === 'lib' && a.value.pkg === value.pkg)) return;
        served('USE', path, arg, value.pkg);
      } else if (value.kind === 'lib' && scoped && ROUTE_SERVING_PACKAGES.has(value.pkg)) {
        ev.diagnostics.atNode(
          'LIBRARY_ROUTES',
          'warning',
          arg.node,
          `${arg.asMiddleware.name} (package ${value.pkg}) serves routes under ${path} that cleave does not list`,
          'keep that path in the monolith or list its routes in cleave.config.yaml',
        );
      } else if (value.kind === 'lib' && !scoped && index === layer.args.length - 1 && PATHLESS_SERVED[value.pkg] !== undefined) {
        const own = PATHLESS_SERVED[value.pkg]!;
        served(own.method, joinPath(state.prefix, libraryPathOption(arg.node) ?? own.path), arg, value.pkg);
        state.chain.push({ ref: arg.asMiddleware, scope, conditions: state.conditions, level: state.trail.length });
      } else if (value.kind === 'unknown' && scoped && index === layer.args.length - 1) {
        ev.diagnostics.atNode(
          'UNRESOLVED_MOUNT',
          'warning',
          arg.node,
          `cannot resolve ${compact(arg.node.getText())} mounted at ${path}`,
          'routes under that path are missing; make the router a static import or pass --entry',
        );
      } else if (isErrorHandler(arg)) {
        return;
      } else if (scoped && index === layer.args.length - 1 && isTerminal(arg)) {
        served('USE', path, arg);
      } else {
        state.chain.push({ ref: arg.asMiddleware, scope, path: scoped ? path : undefined, conditions: state.conditions, level: state.trail.length });
      }
    });
  }
}

/** A function that never passes control on (fewer than three parameters) ends the request. */
function isTerminal(arg: LayerArg): boolean {
  return arg.value.kind === 'function' && arg.asHandler.arity !== undefined && arg.asHandler.arity < 3;
}

/** Whether an argument is an error handler (four parameters). */
export function isErrorHandler(arg: LayerArg): boolean {
  return arg.asMiddleware.arity === 4 || arg.asHandler.arity === 4;
}

function staticDir(ev: Evaluator, dir: Value): string {
  if (dir.kind === 'string' && !dir.dynamic) {
    const rel = nodePath.isAbsolute(dir.value) ? nodePath.relative(ev.appDir, dir.value) : dir.value;
    return rel.split(nodePath.sep).join('/') || '.';
  }
  return dir.kind === 'unknown' ? dir.text : '{?}';
}

function mergeDuplicate(existing: FlatRoute, later: FlatRoute): void {
  existing.alsoAt.push(later.site);
  const key = (m: ChainEntry): string => `${m.ref.name}|${m.ref.node.getSourceFile().getFilePath()}|${m.ref.node.getStart()}`;
  const seen = new Set(existing.middleware.map(key));
  const earlierHandler: ChainEntry = { ref: existing.handler, scope: 'route', conditions: [], level: existing.stack.length - 1 };
  for (const m of [earlierHandler, ...later.middleware]) {
    if (!seen.has(key(m))) {
      seen.add(key(m));
      existing.middleware.push(m);
    }
  }
  existing.handler = later.handler;
}

function reportDynamic(ev: Evaluator, node: Node, dynamic: string[]): void {
  if (dynamic.length === 0) return;
  ev.diagnostics.atNode(
    'DYNAMIC_ROUTE_PATH',
    'warning',
    node,
    `path not statically known: ${dynamic.join(', ')} (shown as {?})`,
    'use a literal or a constant, or set the value in cleave.config.yaml',
  );
}

function reportUnmounted(ev: Evaluator, routers: RouterModel[]): void {
  for (const router of routers) {
    if (router.kind !== 'router' || router.mounted) continue;
    const routes = router.layers.filter((l) => l.type === 'route').length;
    if (routes === 0) continue;
    ev.diagnostics.atNode(
      'UNMOUNTED_ROUTER',
      'warning',
      router.node,
      `a router with ${routes} route registration(s) is never mounted on an app cleave could follow`,
      'if the app serves it, check how it is mounted (a dynamic require or a library call cleave cannot follow)',
    );
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
