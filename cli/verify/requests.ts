import type { Route } from '../../model/analysis';
import type { VerifyConfig } from '../../model/verify-config';
import type { RequestSpec } from './request-spec';

/** A route verify cannot exercise, and why. */
export interface SkippedRoute {
  /** Route id. */
  route: string;
  /** Why. */
  reason: string;
}

/**
 * The requests for a function's routes: the configured ones, and a GET (or HEAD) for every
 * route that reads, with path parameters from `verify.params` (default `1`).
 */
export function buildRequests(routes: Route[], config: VerifyConfig): { requests: RequestSpec[]; skipped: SkippedRoute[] } {
  const requests: RequestSpec[] = [];
  const skipped: SkippedRoute[] = [];
  for (const route of routes) {
    if (config.skip.includes(route.id)) {
      skipped.push({ route: route.id, reason: 'skipped by verify.skip' });
      continue;
    }
    const configured = config.requests.filter((r) => r.route === route.id);
    const method = route.method === 'ALL' || route.method === 'USE' ? 'GET' : route.method;
    if (configured.length === 0 && method !== 'GET' && method !== 'HEAD') {
      skipped.push({ route: route.id, reason: `${method} needs a request in verify.requests (bodies and side effects are app-specific)` });
      continue;
    }
    const specs = configured.length > 0 ? configured : [{ route: route.id }];
    for (const spec of specs) {
      const path = fillPath(route.path, { ...config.params, ...(spec.params ?? {}) });
      if (path === undefined) {
        skipped.push({ route: route.id, reason: 'its path is a regular expression or not statically known' });
        break;
      }
      const jsonBody = spec.body !== undefined && typeof spec.body !== 'string';
      requests.push({
        route: route.id,
        method,
        path,
        query: Object.entries(spec.query ?? {}),
        headers: { ...config.headers, ...(spec.headers ?? {}), ...(jsonBody ? { 'content-type': 'application/json' } : {}) },
        body: spec.body === undefined ? undefined : jsonBody ? JSON.stringify(spec.body) : String(spec.body),
      });
    }
  }
  return { requests, skipped };
}

/** A concrete path for an Express path, or `undefined` for regexes and unknown parts. */
export function fillPath(path: string, params: Record<string, string>): string | undefined {
  if (path.startsWith('regex:') || path.includes(' + regex:') || path.includes('{?}')) return undefined;
  let out = path.replace(/\{[^{}]*\}/g, '');
  if (/\((?!\?)|\(\?[!=<]/.test(out.replace(/:\w+\([^)]*\)/g, ':x'))) return undefined;
  out = out.replace(/:(\w+)(\([^)]*\))?\??/g, (_m, name: string) => encodeURIComponent(params[name] ?? '1'));
  out = out.replace(/\*(\w+)?/g, (_m, name?: string) => (name && params[name]) || 'x');
  return out || '/';
}
