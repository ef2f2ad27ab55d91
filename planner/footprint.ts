import type { Route } from '../model/analysis';
import { type ModuleGraph, reachable } from './module-graph';

/** What a route is made of, as the planner weighs it. */
export interface Footprint {
  /** Route id. */
  id: string;
  /** App files the route needs: its closure, its registration and handler files, its own middleware files. */
  files: Set<string>;
  /** Data entities it touches. */
  entities: Set<string>;
  /** Where `files` came from: the closure stage, the import graph from its entry files, or only its own sites. */
  source: 'closure' | 'import-graph' | 'sites';
}

/**
 * The files a generated handler imports for a route: its handler file and the files of its
 * own-code middleware (middleware from npm packages is imported by package), sorted.
 */
export function bundleEntries(route: Route): string[] {
  const files = new Set<string>([route.handler.file]);
  for (const m of route.middleware) if (!m.package && m.file) files.add(m.file);
  return [...files].filter(Boolean).sort();
}

/**
 * A route's footprint. The closure stage's `deps.files` is used when present; without it the
 * files reachable in the import graph from the route's entry files (a file-level
 * over-approximation that does not enter `wiring`, the files registering other routes, since
 * a route never needs another router's registration); without a graph only the route's own sites.
 */
export function routeFootprint(route: Route, graph: ModuleGraph | undefined, wiring: ReadonlySet<string> = new Set()): Footprint {
  const own = [route.file, route.handler.file, ...route.middleware.filter((m) => !m.package && m.scope !== 'app').map((m) => m.file)];
  const files = new Set<string>(own.filter(Boolean));
  let source: Footprint['source'] = 'sites';
  if (route.deps.files.length > 0) {
    for (const f of route.deps.files) files.add(f);
    source = 'closure';
  } else if (graph) {
    const seeds = bundleEntries(route).filter((f) => !route.middleware.some((m) => m.scope === 'app' && m.file === f && f !== route.handler.file));
    const stop = new Set([...wiring].filter((f) => f !== route.file && f !== route.handler.file));
    for (const f of reachable(graph, seeds, stop)) files.add(f);
    source = 'import-graph';
  }
  return { id: route.id, files, entities: new Set(route.deps.entities), source };
}

/** Files that register routes or mount routers: a route's footprint does not follow imports into the others. */
export function wiringFiles(routes: readonly Route[], mounts: readonly { file: string }[]): Set<string> {
  return new Set([...routes.map((r) => r.file), ...mounts.map((m) => m.file)]);
}
