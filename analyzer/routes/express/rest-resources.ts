import { Node } from 'ts-morph';
import { describeArgument } from './describe';
import type { Evaluator } from '../evaluator/evaluator';
import type { RouterModel } from './router-model';
import { type LibValue, type Value, str } from '../evaluator/values';

/** Packages that build REST routes over an ORM model: `initialize({ app })`, then `resource({ model, endpoints })`. */
const RESOURCE_PACKAGES = new Set(['finale-rest', 'epilogue']);

/**
 * Each action's method and which endpoint it registers on (finale's lib/Controllers: create
 * POST and list GET on the plural endpoint; read GET, update PUT and delete DELETE on the singular).
 */
const ACTIONS: Record<string, { method: string; plurality: 'plural' | 'singular' }> = {
  create: { method: 'POST', plurality: 'plural' },
  list: { method: 'GET', plurality: 'plural' },
  read: { method: 'GET', plurality: 'singular' },
  update: { method: 'PUT', plurality: 'singular' },
  delete: { method: 'DELETE', plurality: 'singular' },
};
const DEFAULT_ACTIONS = ['create', 'read', 'update', 'delete', 'list'];

const initialized = new WeakMap<Evaluator, Map<string, RouterModel>>();

/**
 * Models finale-rest and epilogue: `initialize({ app })` names the app, and each
 * `resource({ model, endpoints: ['/users', '/users/:id'], actions?, updateMethod? })` adds its
 * routes to it, as the library's controllers do (`app[method](endpoint, ...)`), marked with the
 * package. Returns whether the call was modelled (no LIBRARY_ROUTES warning is then due): a
 * resource with endpoints or actions that are not literals, or before `initialize`, is not.
 */
export function modelRestResource(ev: Evaluator, lib: LibValue, args: Value[], node: Node, conditions: string[]): boolean {
  if (!RESOURCE_PACKAGES.has(lib.pkg) || lib.path.length !== 1) return false;
  const options = args[0];
  if (!options || options.kind !== 'object') return false;
  const apps = initialized.get(ev) ?? new Map<string, RouterModel>();
  initialized.set(ev, apps);
  if (lib.path[0] === 'initialize') {
    const app = options.props.get('app');
    if (app?.kind !== 'router') return false;
    apps.set(lib.pkg, app.router);
    return true;
  }
  if (lib.path[0] !== 'resource') return false;
  const own = options.props.get('app');
  const app = own?.kind === 'router' ? own.router : apps.get(lib.pkg);
  const endpoints = strings(options.props.get('endpoints'));
  const actions = options.props.has('actions') ? strings(options.props.get('actions')) : DEFAULT_ACTIONS;
  const updateMethod = options.props.get('updateMethod');
  if (!app || !endpoints || endpoints.length === 0 || !actions || actions.some((a) => !ACTIONS[a])) return false;
  if (updateMethod && !(updateMethod.kind === 'string' && !updateMethod.dynamic)) return false;
  const endpoint = { plural: endpoints[0]!, singular: endpoints[1] ?? endpoints[0]! };
  const pathNode = Node.isCallExpression(node) ? node.getArguments()[0] : undefined;
  const handler: Value = { ...lib, path: [...lib.path, '()'] };
  const described = describeArgument(ev, handler, node, 'handler');
  for (const action of actions) {
    const { plurality } = ACTIONS[action]!;
    const method = action === 'update' && updateMethod?.kind === 'string' ? updateMethod.value.toUpperCase() : ACTIONS[action]!.method;
    app.layers.push({
      type: 'route',
      method,
      paths: str(endpoint[plurality]),
      pathNode,
      args: [{ value: handler, node, asMiddleware: described, asHandler: described }],
      node,
      conditions,
      library: lib.pkg,
    });
  }
  return true;
}

function strings(value: Value | undefined): string[] | undefined {
  if (value?.kind !== 'array') return undefined;
  const out = value.elements.map((e) => (e.kind === 'string' && !e.dynamic ? e.value : undefined));
  return out.every((s): s is string => s !== undefined) ? out : undefined;
}
