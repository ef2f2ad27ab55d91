import type { MiddlewareScope } from '../../../model/analysis';
import { type ChainEntry, type FlatRoute, isErrorHandler } from './flatten';
import { ROUTE_SERVING_PACKAGES } from './library-routes';
import { joinPath, pathParts, underPath } from './paths';
import type { Layer } from './router-model';

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
    for (const layer of useLayersAfter(router.layers, index)) {
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

/** Per layer list, the indices of its `use` layers (and the length they were found at: a list that grew is indexed again). */
const useIndices = new WeakMap<readonly Layer[], { length: number; indices: number[] }>();

/**
 * The `use` layers after `index`, found through an index of them: one slice and scan per route
 * made trailing chains quadratic in the routes of a router (20,000 routes on one app).
 */
function useLayersAfter(layers: readonly Layer[], index: number): Layer[] {
  let cached = useIndices.get(layers);
  if (!cached || cached.length !== layers.length) {
    cached = { length: layers.length, indices: layers.flatMap((layer, i) => (layer.type === 'use' ? [i] : [])) };
    useIndices.set(layers, cached);
  }
  const { indices } = cached;
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (indices[mid]! <= index) low = mid + 1;
    else high = mid;
  }
  return indices.slice(low).map((i) => layers[i]!);
}
