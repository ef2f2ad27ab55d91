/**
 * Express route paths as API Gateway HTTP API routes. A gateway path segment is a literal, a
 * `{name}` variable or, last, a greedy `{name+}`; Express optional parts become one route per
 * variant. What the gateway cannot express (regular expressions, params inside a segment, a
 * wildcard in the middle, an unknown prefix) gets no gateway route: the fallback route sends those
 * requests to the monolith.
 */

/** An API Gateway route for one Express route. */
export interface GatewayRoute {
  /** `GET`, `POST`, ... or `ANY` (Express `all` and `use`). */
  method: string;
  /** Gateway path (`/api/v1/products/{productId}`). */
  path: string;
}

/** The gateway routes for an Express route, or why there are none. */
export type Translation = { routes: GatewayRoute[]; note?: string } | { routes: []; reason: string };

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LITERAL = /^[A-Za-z0-9._~!$&'()*+,;=:@%-]*$/;
const MAX_VARIANTS = 8;

/** Translates an Express route (method and full path) to API Gateway HTTP API routes. */
export function gatewayRoutes(method: string, expressPath: string): Translation {
  const gatewayMethod = method === 'ALL' || method === 'USE' ? 'ANY' : method.toUpperCase();
  if (expressPath.startsWith('regex:') || expressPath.includes(' + regex:'))
    return { routes: [], reason: 'a regular expression path cannot be a gateway route' };
  if (expressPath.includes('{?}')) return { routes: [], reason: 'part of the path is not statically known' };
  const variants = expandOptional(expressPath);
  if (!variants) return { routes: [], reason: 'its optional parts are too many or unbalanced' };
  const paths: string[] = [];
  for (const variant of variants) {
    const translated = translatePath(variant);
    if (typeof translated !== 'string') return { routes: [], reason: translated.reason };
    if (!paths.includes(translated)) paths.push(translated);
  }
  if (method === 'USE') {
    // `use(path, fn)` answers the path and everything below it.
    for (const p of [...paths]) if (!p.endsWith('+}')) paths.push(p === '/' ? '/{proxy+}' : `${p}/{proxy+}`);
  }
  const routes = paths.map((p) => ({ method: gatewayMethod, path: p }));
  return variants.length > 1 ? { routes, note: `optional parts expand to ${routes.length} gateway routes` } : { routes };
}

/** Express 5 `{...}` optional groups and Express 4 `:name?` params, as every concrete variant. */
function expandOptional(path: string): string[] | undefined {
  const group = /\{([^{}]*)\}/.exec(path);
  if (group) {
    const without = path.slice(0, group.index) + path.slice(group.index + group[0].length);
    const withIt = path.slice(0, group.index) + group[1] + path.slice(group.index + group[0].length);
    const a = expandOptional(without);
    const b = expandOptional(withIt);
    if (!a || !b || a.length + b.length > MAX_VARIANTS) return undefined;
    return [...a, ...b];
  }
  if (/[{}]/.test(path)) return undefined;
  const optional = /\/:([A-Za-z_$][\w$]*)(\([^)]*\))?\?/.exec(path);
  if (optional) {
    const without = path.slice(0, optional.index) + path.slice(optional.index + optional[0].length);
    const withIt = path.slice(0, optional.index) + optional[0].slice(0, -1) + path.slice(optional.index + optional[0].length);
    const a = expandOptional(without);
    const b = expandOptional(withIt);
    if (!a || !b || a.length + b.length > MAX_VARIANTS) return undefined;
    return [...a, ...b];
  }
  return [path];
}

/** One concrete Express path (no optional parts) as a gateway path, or why it cannot be one. */
function translatePath(path: string): string | { reason: string } {
  const segments = (path.startsWith('/') ? path : `/${path}`).split('/').slice(1);
  const out: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (segment === '' && last && i > 0) continue; // trailing slash: Express matches without it too
    const param = /^:([A-Za-z_$][\w$]*)(\([^)]*\))?$/.exec(segment);
    if (param) {
      if (!PARAM_NAME.test(param[1]!)) return { reason: `parameter name ${param[1]} is not valid in a gateway path` };
      out.push(`{${param[1]}}`);
      continue;
    }
    const splat = /^\*([A-Za-z_$][\w$]*)?$/.exec(segment) ?? (segment === '(.*)' ? ['', undefined] : null);
    if (splat) {
      if (!last) return { reason: 'a wildcard before the end of the path cannot be a gateway route' };
      const name = splat[1] && PARAM_NAME.test(splat[1]) ? splat[1] : 'proxy';
      out.push(`{${name}+}`);
      continue;
    }
    if (/[:*?()[\]\\]/.test(segment) || !LITERAL.test(segment))
      return { reason: `segment "${segment}" mixes parameters, patterns or characters a gateway path cannot hold` };
    out.push(segment);
  }
  return '/' + out.join('/');
}
