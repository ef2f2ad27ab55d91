import type { MiddlewareScope } from '../../model/analysis';
import { type ChainEntry, type FlatRoute, isErrorHandler } from './flatten';
import { ROUTE_SERVING_PACKAGES } from './library-routes';
import { joinPath, pathParts, underPath } from './paths';

/**
 * What Express reaches after a route when its handler calls `next()` or `next(err)`: the
 * middleware and error handlers registered later on its router, then on each router above it
 * after the mount, innermost first. Mounted routers and apps are skipped (their routes belong to
 * other functions); so are static folders and library route servers.
 */
export function trailingChain(route: FlatRoute): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let level = route.stack.length - 1; level >= 0; level--) {
    const { router, mountPath, index } = route.stack[level]!;
    const scope: MiddlewareScope = level === 0 ? 'app' : 'router';
    for (const layer of router.layers.slice(index + 1)) {
      if (layer.type !== 'use') continue;
      for (const part of pathParts(layer.paths)) {
        const scoped = part.path !== '/' && part.path !== '';
        const path = joinPath(mountPath, part.path);
        if (scoped && !underPath(path, route.path)) continue;
        for (const arg of layer.args) {
          const value = arg.value;
          if (value.kind === 'router' || value.kind === 'express-static') continue;
          if (value.kind === 'lib' && ROUTE_SERVING_PACKAGES.has(value.pkg)) continue;
          if (scoped && !isErrorHandler(arg) && arg.asHandler.arity !== undefined && arg.asHandler.arity < 3) continue;
          out.push({ ref: arg.asMiddleware, scope, path: scoped ? path : undefined, conditions: layer.conditions, level });
        }
      }
    }
  }
  return out;
}
