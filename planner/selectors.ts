/**
 * Route selectors of `cleave.config.yaml`: an exact route id (`GET /api/users/:id`), a path glob
 * (`/debug/**`) or a method plus a path glob (`POST /orders/*`, `* /admin/**`).
 * `*` matches within one path segment, `**` any number of segments (`/a/**` matches `/a` too).
 */
export interface RouteRef {
  /** Route id (`METHOD path`). */
  id: string;
  /** Upper-case method. */
  method: string;
  /** Full path. */
  path: string;
}

/** Compiles a selector into a predicate over routes. */
export function compileSelector(selector: string): (route: RouteRef) => boolean {
  const trimmed = selector.trim();
  const spaced = /^([A-Za-z]+|\*)\s+(\S.*)$/.exec(trimmed);
  const method = spaced ? spaced[1]!.toUpperCase() : '*';
  const glob = spaced ? spaced[2]! : trimmed;
  const pattern = globToRegExp(glob);
  return (route) => route.id === trimmed || ((method === '*' || method === route.method) && pattern.test(route.path));
}

/** The ids of `routes` a selector picks, in the order of `routes`. */
export function selectRoutes(selector: string, routes: readonly RouteRef[]): string[] {
  const matches = compileSelector(selector);
  return routes.filter(matches).map((r) => r.id);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const rest = glob.slice(i);
    if (rest.startsWith('/**')) {
      source += '(?:/.*)?';
      i += 2;
    } else if (rest.startsWith('**')) {
      source += '.*';
      i += 1;
    } else if (rest[0] === '*') {
      source += '[^/]*';
    } else {
      source += rest[0]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
