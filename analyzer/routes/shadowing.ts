import type { Evaluator } from './evaluator';
import type { FlatRoute } from './flatten';

/**
 * Reports literal routes that an earlier parameter route of the same method captures
 * (`GET /articles/:slug` registered before `GET /articles/feed`): Express never reaches them.
 */
export function reportShadowedRoutes(ev: Evaluator, routes: FlatRoute[]): void {
  const groups = new Map<string, FlatRoute[]>();
  for (const route of routes) {
    if (route.path.includes('regex:') || route.path.includes('{?}')) continue;
    const key = `${route.path.split('/').length}`;
    const group = groups.get(key) ?? [];
    group.push(route);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.forEach((later, index) => {
      const shadow = group.slice(0, index).find((earlier) => sameMethod(earlier, later) && captures(earlier.path, later.path));
      if (!shadow) return;
      ev.diagnostics.atNode(
        'ROUTE_SHADOWED',
        'warning',
        later.site,
        `${later.method} ${later.path} is never reached: ${shadow.method} ${shadow.path} is registered earlier and matches it`,
        'register the literal route before the parameter route',
      );
    });
  }
}

function sameMethod(a: FlatRoute, b: FlatRoute): boolean {
  return a.method === b.method || a.method === 'ALL';
}

/** Whether pattern `a` (with `:params`) matches every request for literal path `b`. */
function captures(a: string, b: string): boolean {
  const as = a.split('/');
  const bs = b.split('/');
  let widened = false;
  for (let i = 0; i < as.length; i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    if (/^:\w+$/.test(x) && !y.startsWith(':') && !/[*?()]/.test(y)) {
      widened = true;
      continue;
    }
    return false;
  }
  return widened;
}
