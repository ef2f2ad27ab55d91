import type { Evaluator } from '../evaluator/evaluator';
import type { FlatRoute } from './flatten';

/**
 * Reports literal routes that an earlier parameter route of the same method captures
 * (`GET /articles/:slug` registered before `GET /articles/feed`): Express never reaches them.
 * Earlier routes sit in a trie of path segments, so each route is checked against the few
 * routes that could capture it rather than against every earlier route (linear, not quadratic).
 */
export function reportShadowedRoutes(ev: Evaluator, routes: FlatRoute[]): void {
  // Only routes one server dispatches can shadow each other: not those of another entry or root app.
  const servers = new Map<unknown, FlatRoute[]>();
  for (const route of routes) {
    const server = route.stack[0]?.router ?? route.entry;
    const served = servers.get(server);
    if (served) served.push(route);
    else servers.set(server, [route]);
  }
  for (const served of servers.values()) reportShadowedIn(ev, served);
}

function reportShadowedIn(ev: Evaluator, routes: FlatRoute[]): void {
  const root = newTrieNode();
  const groups = new Map<number, FlatRoute[]>();
  const shadows = new Map<FlatRoute, FlatRoute>();
  routes.forEach((route, index) => {
    if (route.path.includes('regex:') || route.path.includes('{?}')) return;
    const segments = route.path.split('/');
    const group = groups.get(segments.length) ?? [];
    group.push(route);
    groups.set(segments.length, group);
    const shadow = earliestCapturing(root, segments, route);
    if (shadow) shadows.set(route, shadow.route);
    insert(root, segments, { index, route });
  });
  // Reported per segment count, in registration order, as before the trie.
  for (const group of groups.values()) {
    for (const later of group) {
      const shadow = shadows.get(later);
      if (!shadow) continue;
      ev.diagnostics.atNode(
        'ROUTE_SHADOWED',
        'warning',
        later.site,
        `${later.method} ${later.path} is never reached: ${shadow.method} ${shadow.path} is registered earlier and matches it`,
        'register the literal route before the parameter route',
      );
    }
  }
}

interface Registered {
  index: number;
  route: FlatRoute;
}

interface TrieNode {
  /** Children by exact segment text. */
  children: Map<string, TrieNode>;
  /** The children whose segment is a `:param`. */
  params: Array<[string, TrieNode]>;
  /** Routes whose path ends here, in registration order. */
  routes: Registered[];
}

function newTrieNode(): TrieNode {
  return { children: new Map(), params: [], routes: [] };
}

const PARAM = /^:\w+$/;
const SPECIAL = /[*?()]/;

function insert(root: TrieNode, segments: string[], registered: Registered): void {
  let node = root;
  for (const segment of segments) {
    let child = node.children.get(segment);
    if (!child) {
      child = newTrieNode();
      node.children.set(segment, child);
      if (PARAM.test(segment)) node.params.push([segment, child]);
    }
    node = child;
  }
  node.routes.push(registered);
}

/**
 * The earliest registered route of the same method whose pattern matches every request for
 * `later`: each segment equal, or a `:param` where `later` has a plain literal, at least one
 * of the latter.
 */
function earliestCapturing(root: TrieNode, segments: string[], later: FlatRoute): Registered | undefined {
  let best: Registered | undefined;
  const visit = (node: TrieNode, depth: number, widened: boolean): void => {
    if (depth === segments.length) {
      if (!widened) return;
      const found = node.routes.find((r) => sameMethod(r.route, later));
      if (found && (!best || found.index < best.index)) best = found;
      return;
    }
    const segment = segments[depth]!;
    const exact = node.children.get(segment);
    if (exact) visit(exact, depth + 1, widened);
    if (segment.startsWith(':') || SPECIAL.test(segment)) return;
    for (const [, child] of node.params) visit(child, depth + 1, true);
  };
  visit(root, 0, false);
  return best;
}

function sameMethod(a: FlatRoute, b: FlatRoute): boolean {
  return a.method === b.method || a.method === 'ALL';
}
