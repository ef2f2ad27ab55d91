import type { Mount, Route } from '../../model/analysis';

/**
 * The router a route belongs to: the deepest mount whose router was created in the route's
 * registration file and whose path prefixes the route's path; routes registered on the app
 * itself group by their file.
 */
export function routerKey(route: Route, mounts: readonly Mount[]): string {
  let best: Mount | undefined;
  for (const m of mounts) {
    if (m.target?.file !== route.file || !isPrefix(m.path, route.path)) continue;
    if (!best || m.path.length > best.path.length) best = m;
  }
  return best ? `mount ${best.path}` : `file ${route.file}`;
}

/** Groups route ids by router, each group sorted, ordered by first id. */
export function groupByRouter(routes: readonly Route[], mounts: readonly Mount[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const route of routes) {
    const key = routerKey(route, mounts);
    groups.set(key, [...(groups.get(key) ?? []), route.id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function isPrefix(prefix: string, path: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}
