import { ts } from 'ts-morph';

/** The routes registered in one file, by whether the function serves them (`METHOD path` ids). */
export interface FileRoutes {
  /** Routes the function serves. */
  serve: ReadonlySet<string>;
  /** Routes other functions serve or the monolith keeps. */
  elsewhere: ReadonlySet<string>;
}

/** Keys of a route map that name a method (`del` is Express 3's `delete`). */
const MAP_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  all: 'ALL',
};

/** One method of a route map: the property, its route's method and its path below the map. */
interface Leaf {
  property: ts.PropertyAssignment;
  method: string;
  path: string;
}

/**
 * The properties of object route maps in `source` that register only routes the function does not
 * serve: `app.map({ '/users': { get: users.list, '/:uid': { get: users.get } } })` (Express's
 * route-map example), walked by a function of the app that registers each method at the path its
 * keys spell. A map is an object literal whose keys are paths (`'/users'`, holding another map) or
 * methods, nested; it counts only when every route it spells, under one mount prefix, is a route
 * the analysis found registered in this file, so an object that merely looks like one is never
 * touched. A method whose route is served elsewhere goes, and a path whose map loses every
 * method with it; the outermost property of each such run is returned, by position. Pure.
 */
export function routeMapEntries(source: ts.SourceFile, routes: FileRoutes): ts.PropertyAssignment[] {
  const known = [...routes.serve, ...routes.elsewhere];
  const out: ts.PropertyAssignment[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const leaves = mapLeaves(node, '');
      const prefix = leaves && leaves.length > 0 ? mountPrefix(leaves, known) : undefined;
      if (leaves && prefix !== undefined) {
        const gone = new Set(leaves.filter((l) => !routes.serve.has(routeId(l, prefix))).map((l) => l.property));
        out.push(...outermostGone(node, gone));
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.sort((a, b) => a.pos - b.pos);
}

/** The method leaves of a map spelled by `node` below `path`; undefined when `node` is no route map (a key neither a path nor a method, a path not holding a map). */
function mapLeaves(node: ts.ObjectLiteralExpression, path: string): Leaf[] | undefined {
  const leaves: Leaf[] = [];
  let paths = 0;
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const key = keyOf(property.name);
    if (key === undefined) return undefined;
    if (key.startsWith('/')) {
      if (!ts.isObjectLiteralExpression(property.initializer)) return undefined;
      const below = mapLeaves(property.initializer, path + key);
      if (!below) return undefined;
      leaves.push(...below);
      paths++;
    } else if (MAP_METHODS[key] && path !== '') {
      leaves.push({ property, method: MAP_METHODS[key], path });
    } else {
      return undefined;
    }
  }
  return path === '' && paths === 0 ? undefined : leaves;
}

/** The text of a literal or identifier key; undefined for computed keys. */
function keyOf(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

/** The one prefix (`''` at the root, `/api` under a mount) under which every leaf is a known route; undefined when there is none. */
function mountPrefix(leaves: readonly Leaf[], known: readonly string[]): string | undefined {
  const first = leaves[0]!;
  const candidates = known
    .filter((id) => id.startsWith(`${first.method} `) && id.endsWith(first.path))
    .map((id) => id.slice(first.method.length + 1, id.length - first.path.length));
  const all = new Set(known);
  return candidates.find((prefix) => leaves.every((l) => all.has(routeId(l, prefix))));
}

function routeId(leaf: Leaf, prefix: string): string {
  return `${leaf.method} ${prefix}${leaf.path}`;
}

/** The outermost properties of `map` (at any depth) all of whose leaves are in `gone`. */
function outermostGone(map: ts.ObjectLiteralExpression, gone: ReadonlySet<ts.PropertyAssignment>): ts.PropertyAssignment[] {
  const out: ts.PropertyAssignment[] = [];
  for (const property of map.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    if (gone.has(property)) out.push(property);
    else if (ts.isObjectLiteralExpression(property.initializer)) {
      const inner = outermostGone(property.initializer, gone);
      const entries = property.initializer.properties.length;
      if (entries > 0 && inner.length === entries && inner.every((p) => p.parent === property.initializer)) out.push(property);
      else out.push(...inner);
    }
  }
  return out;
}
