import { type CallExpression, Node } from 'ts-morph';
import type { Argument, EvalContext, Evaluator } from '../evaluator/evaluator';
import { compact } from '../evaluator/text';
import { describeArgument } from './describe';
import type { Layer, LayerArg, ListenSite, RouterModel } from './router-model';
import { UNDEFINED, type Value, unknown } from '../evaluator/values';

/** HTTP methods Express routes by (`router.METHOD`), lower case, plus `all` and Express 3's `del`. */
export const ROUTE_METHODS = new Set([
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'options',
  'head',
  'all',
  'del',
  'checkout',
  'copy',
  'lock',
  'merge',
  'mkactivity',
  'mkcol',
  'move',
  'm-search',
  'notify',
  'purge',
  'report',
  'search',
  'subscribe',
  'trace',
  'unlock',
  'unsubscribe',
  'propfind',
  'proppatch',
  'link',
  'unlink',
  'connect',
  'query',
]);

/** Methods of an app or router that configure it and return it (chainable, no routes). */
const CHAINABLE = new Set(['param', 'set', 'enable', 'disable', 'engine', 'on', 'disabled', 'enabled', 'emit', 'once']);

/**
 * The Express method an `Async` variant stands for: @awaitjs/express adds `getAsync`, `useAsync`,
 * ... to an app (`addAsync(app)`) and to its routers, registering as `get`, `use`, ... do.
 */
export function baseMethod(name: string): string {
  if (!name.endsWith('Async')) return name;
  const base = name.slice(0, -'Async'.length);
  return ROUTE_METHODS.has(base) || base === 'use' || base === 'param' ? base : name;
}

/** A call on an app or router value: registrations, `route()`, `listen`. */
export function routerCall(
  ev: Evaluator,
  listens: ListenSite[],
  router: RouterModel,
  method: string,
  args: Argument[],
  node: CallExpression,
  ctx: EvalContext,
): Value | undefined {
  const name = baseMethod(method);
  const self: Value = { kind: 'router', router };
  if (name === 'use') {
    registerUse(ev, router, args, node, ctx);
    return self;
  }
  if (name === 'route') return { kind: 'route-chain', router, paths: args[0]?.value ?? UNDEFINED, node };
  if (ROUTE_METHODS.has(name)) {
    // `app.get('env')` reads a setting; it registers nothing.
    if (name === 'get' && args.length === 1) return unknown(`app.get(${args[0]?.node.getText() ?? ''})`, node);
    const [pathArg, ...handlers] = args;
    if (!pathArg || handlers.length === 0) return self;
    router.layers.push(routeLayer(ev, name, pathArg, handlers, node, ctx));
    return self;
  }
  if (name === 'listen') {
    listens.push({ node, entry: router.entry });
    for (const arg of args) if (arg.value.kind === 'function') ev.call(arg.value, [], undefined, ctx, node);
    return { kind: 'server', node };
  }
  if (name === 'enable' || name === 'disable' || (name === 'set' && args.length >= 2)) {
    (router.settings ??= []).push({ method: name, args: args.map((a) => a.node), conditions: ctx.conditions });
  }
  if (CHAINABLE.has(name)) return self;
  return undefined;
}

/** A method call on `app.route(path)`: adds a route for that method and returns the chain. */
export function routeChainCall(
  ev: Evaluator,
  chain: Extract<Value, { kind: 'route-chain' }>,
  name: string,
  args: Argument[],
  node: CallExpression,
  ctx: EvalContext,
): Value | undefined {
  name = baseMethod(name);
  if (!ROUTE_METHODS.has(name)) return undefined;
  if (args.length === 0) return chain;
  const callee = node.getExpression();
  const site = Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : node;
  chain.router.layers.push({
    ...routeLayer(ev, name, { value: chain.paths, node: chain.node }, args, node, ctx),
    node: site,
    pathNode: Node.isCallExpression(chain.node) ? chain.node.getArguments()[0] : undefined,
  });
  return chain;
}

function routeLayer(ev: Evaluator, name: string, pathArg: Argument, handlers: Argument[], node: Node, ctx: EvalContext): Layer {
  const method = name === 'all' ? 'ALL' : name === 'del' ? 'DELETE' : name.toUpperCase();
  return { type: 'route', method, paths: pathArg.value, pathNode: pathArg.node, args: layerArgs(ev, handlers), node, conditions: ctx.conditions };
}

/** Flattens array arguments (`[auth, validate]`) and describes each function. */
export function layerArgs(ev: Evaluator, args: Argument[]): LayerArg[] {
  const out: LayerArg[] = [];
  const add = (value: Value, node: Node): void => {
    if (value.kind === 'array') {
      const elementNodes = Node.isArrayLiteralExpression(node) ? node.getElements() : [];
      value.elements.forEach((element, i) => add(element, elementNodes.length === value.elements.length ? elementNodes[i]! : node));
      return;
    }
    const asMiddleware = { ...describeArgument(ev, value, node, 'middleware'), expr: node };
    const asHandler = { ...describeArgument(ev, value, node, 'handler'), expr: node };
    out.push({ value, node, asMiddleware, asHandler });
  };
  for (const arg of args) add(arg.value, arg.node);
  return out;
}

function registerUse(ev: Evaluator, router: RouterModel, args: Argument[], node: CallExpression, ctx: EvalContext): void {
  const first = args[0];
  if (!first) return;
  const hasPath = isPathArgument(first, args);
  const fns = hasPath ? args.slice(1) : args;
  for (const fn of fns) markMounted(fn.value);
  router.layers.push({
    type: 'use',
    method: '',
    paths: hasPath ? pathValue(first) : undefined,
    pathNode: hasPath ? first.node : undefined,
    args: layerArgs(ev, fns),
    node,
    conditions: ctx.conditions,
  });
}

/**
 * Whether `use`'s first argument is a path: a string, regex or array of them, or, when more
 * arguments follow, a value read from settings: an unknown value that is not a call (calls make
 * middleware: `cors()`), a property of a settings package (`config.apiPrefix` of node-config),
 * a settings getter (`config.get('api.prefix')`, `nconf.get('prefix')`), or, before an app or
 * router, a property read off an instance of a package class (`urlUtils.BASE_API_PATH` of
 * `new UrlUtils()`).
 */
function isPathArgument(arg: Argument, args: Argument[]): boolean {
  const v = arg.value;
  if (v.kind === 'string' || v.kind === 'regex') return true;
  if (v.kind === 'array') return v.elements.length > 0 && v.elements.every((e) => e.kind === 'string' || e.kind === 'regex');
  if (args.length < 2 || (v.kind !== 'unknown' && v.kind !== 'lib')) return false;
  if (isSettingsGetter(arg.node)) return true;
  if (v.kind === 'lib') return (SETTINGS_PACKAGES.has(v.pkg) && v.path.length > 0 && !v.path.includes('()')) || isInstancePrefix(v, args);
  return !Node.isCallExpression(arg.node) && !Node.isArrowFunction(arg.node);
}

/**
 * An instance's property before an app or router is its mount path: Express calls middleware
 * detached from its object, so a method read off an instance without `bind` or a call is no
 * middleware (the class's `this` would be lost), while a path kept on the instance is a string.
 * A package module's own property (`i18n.init`) may be middleware, and stays so.
 */
function isInstancePrefix(v: Extract<Value, { kind: 'lib' }>, args: Argument[]): boolean {
  return v.instanceProperty === true && args.slice(1).some((a) => a.value.kind === 'router');
}

/** The path a `use` is given; an opaque one is named by the expression as written (`urlUtils.BASE_API_PATH`). */
function pathValue(arg: Argument): Value {
  return arg.value.kind === 'lib' && arg.value.instanceProperty ? unknown(compact(arg.node.getText()), arg.node) : arg.value;
}

/** Packages whose properties are settings (node-config is `config`), never middleware. */
const SETTINGS_PACKAGES: ReadonlySet<string> = new Set(['config', 'nconf', 'convict']);

/** `x.get('name')`: a getter of settings given a literal name. */
function isSettingsGetter(node: Node): boolean {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  const [name, ...rest] = node.getArguments();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'get' && rest.length === 0 && !!name && Node.isStringLiteral(name);
}

function markMounted(value: Value): void {
  if (value.kind === 'router') value.router.mounted = true;
  else if (value.kind === 'lib') value.wraps?.forEach((router) => (router.mounted = true));
  else if (value.kind === 'array') value.elements.forEach(markMounted);
}
