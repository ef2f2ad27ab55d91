import type { Route } from '../model/analysis';
import type { SkippedRoute } from '../model/verification';
import type { VerifyConfig, VerifyRequest } from '../model/verify-config';
import type { RequestSpec } from './request-spec';

/** The requests verify sends, in order, and what it cannot exercise. */
export interface BuiltRequests {
  /** In sending order: default GETs in route order, then `verify.requests` in the order written. */
  requests: RequestSpec[];
  /** Routes not exercised, with the reason. */
  skipped: SkippedRoute[];
  /** Route ids named in `verify.requests` or `verify.skip` that are not among `routes` (kept routes, typos). */
  unknown: string[];
}

/**
 * The requests for the routes of the plan's functions: a GET (or HEAD) for every reading route
 * without a configured request, with path parameters from `verify.params` (default `1`), sent
 * first, in route order; then the configured requests in the order of `verify.requests`, so a
 * request that changes state is seen by the later ones on both sides alike.
 */
export function buildRequests(routes: Route[], config: VerifyConfig): BuiltRequests {
  const byId = new Map(routes.map((r) => [r.id, r]));
  const skips = new Map(config.skip.map((s) => (typeof s === 'string' ? [s, 'skipped by verify.skip'] : [s.route, `skipped by verify.skip: ${s.reason}`])));
  const configured = new Set(config.requests.map((r) => r.route));
  const requests: RequestSpec[] = [];
  const skipped = new Map<string, string>();
  for (const route of routes) {
    const skip = skips.get(route.id);
    if (skip !== undefined) skipped.set(route.id, skip);
    else if (configured.has(route.id)) continue;
    else if (methodOf(route) !== 'GET' && methodOf(route) !== 'HEAD')
      skipped.set(route.id, `${route.method} needs a request in verify.requests (bodies and side effects are app-specific)`);
    else pushRequest(requests, skipped, route, { route: route.id }, config);
  }
  for (const spec of config.requests) {
    const route = byId.get(spec.route);
    if (route && !skips.has(route.id)) pushRequest(requests, skipped, route, spec, config);
  }
  const unknown = [...new Set([...configured, ...skips.keys()])].filter((id) => !byId.has(id));
  return { requests, skipped: [...skipped].map(([route, reason]) => ({ route, reason })), unknown };
}

function methodOf(route: Route): string {
  return route.method === 'ALL' || route.method === 'USE' ? 'GET' : route.method;
}

function pushRequest(requests: RequestSpec[], skipped: Map<string, string>, route: Route, spec: VerifyRequest, config: VerifyConfig): void {
  const path = spec.path ?? fillPath(route.path, { ...config.params, ...(spec.params ?? {}) });
  if (path === undefined) {
    skipped.set(route.id, 'its path is a regular expression or not statically known (give the request a `path`)');
    return;
  }
  const jsonBody = spec.body !== undefined && typeof spec.body !== 'string';
  requests.push({
    route: route.id,
    method: methodOf(route),
    path,
    query: Object.entries(spec.query ?? {}).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v])),
    headers: { ...config.headers, ...(spec.headers ?? {}), ...(jsonBody ? { 'content-type': 'application/json' } : {}) },
    body: spec.body === undefined ? undefined : jsonBody ? JSON.stringify(spec.body) : String(spec.body),
    ...(spec.ignore?.bodyPaths.length ? { ignoreBodyPaths: spec.ignore.bodyPaths } : {}),
  });
}

/**
 * A concrete path for an Express path, or `undefined` for regexes and unknown parts. Parameters
 * without a value become `1`; optional groups without values for all their parameters are left out.
 */
export function fillPath(path: string, params: Record<string, string>): string | undefined {
  if (path.startsWith('regex:') || path.includes(' + regex:') || path.includes('{?}')) return undefined;
  // An optional group (`{/:year}`, Express 5) is kept when every parameter in it has a value.
  let out = path;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(/\{([^{}]*)\}/g, (_m, inner: string) => ([...inner.matchAll(/:(\w+)/g)].every((m) => params[m[1]!] !== undefined) ? inner : ''));
  }
  if (/\((?!\?)|\(\?[!=<]/.test(out.replace(/:\w+\([^)]*\)/g, ':x'))) return undefined;
  out = out.replace(/:(\w+)(\([^)]*\))?\??/g, (_m, name: string) => encodeURIComponent(params[name] ?? '1'));
  out = out.replace(/\*(\w+)?/g, (_m, name?: string) => (name && params[name]) || 'x');
  return out || '/';
}
