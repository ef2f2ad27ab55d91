import type { Hazard, Route } from '../model/analysis';
import type { Config } from '../model/config';
import type { PlanFunction, PlanWarning } from '../model/plan';
import { bundleEntries, type Footprint } from './footprint';
import { hazardRef, hazardRole, sortHazards } from './hazard-policy';
import { bundleOf, type ModuleGraph, reachable } from './module-graph';
import type { PlannedGroup } from './replan';

/** What assembling functions needs. */
export interface AssembleInput {
  /** Groups and their ids (same order). */
  groups: readonly PlannedGroup[];
  /** Function ids. */
  ids: readonly string[];
  /** Reasons (same order). */
  reasons: readonly string[];
  /** Routes by id. */
  routes: ReadonlyMap<string, Route>;
  /** Footprints by route id. */
  footprints: ReadonlyMap<string, Footprint>;
  /** The analysis' hazards. */
  hazards: readonly Hazard[];
  /** The config. */
  config: Config;
  /** Size on disk of an app file. */
  diskBytes: (file: string) => number;
  /** The whole-app module graph. */
  graph: ModuleGraph | undefined;
}

/** Predicted bundle bytes of routes: reachable files' bytes in the app bundle, else their files' sizes on disk. */
export function predictBytes(
  ids: readonly string[],
  routes: ReadonlyMap<string, Route>,
  footprints: ReadonlyMap<string, Footprint>,
  graph: ModuleGraph | undefined,
  diskBytes: (f: string) => number,
): number {
  if (graph) {
    const seeds = [...new Set(ids.flatMap((id) => (routes.get(id) ? bundleEntries(routes.get(id)!) : [])))];
    let sum = 0;
    for (const f of reachable(graph, seeds)) sum += graph.bytes.get(f) ?? 0;
    return sum;
  }
  const files = new Set(ids.flatMap((id) => [...(footprints.get(id)?.files ?? [])]));
  let sum = 0;
  for (const f of files) sum += diskBytes(f);
  return sum;
}

/**
 * Builds the plan's functions: closure, packages, env, entities, hazards, bundle size, memory and
 * timeout. A bundle's size is predicted from the module graph (what its handler files reach, at
 * the bytes esbuild's whole-app bundle gives each file); without a graph, from file sizes.
 */
export function assembleFunctions(input: AssembleInput, warnings: PlanWarning[]): PlanFunction[] {
  const entries = new Map(input.groups.map((g, i) => [input.ids[i]!, [...new Set(g.routes.flatMap((id) => bundleEntries(input.routes.get(id)!)))].sort()]));
  const graph = input.graph;
  const bundles = graph ? new Map([...entries].map(([id, files]) => [id, bundleOf(graph, files)])) : undefined;
  const diskBytes = input.diskBytes;
  const sorted = sortHazards(input.hazards);
  const functions = input.groups
    .map((group, i): PlanFunction => {
      const id = input.ids[i]!;
      const routes = group.routes.map((r) => input.routes.get(r)!);
      const measured = bundles?.get(id);
      const union = (pick: (r: Route) => readonly string[]): string[] => [...new Set(routes.flatMap(pick))].sort();
      const files = union((r) => [...(input.footprints.get(r.id)?.files ?? [])]);
      const inGroup = new Set(group.routes);
      const hazards = sorted.filter((h) => hazardRole(h, sorted) !== 'schedule' && h.routes.some((r) => inGroup.has(r))).map(hazardRef);
      const override = input.config.functions[id];
      const fn: PlanFunction = {
        id,
        routes: [...group.routes].sort(),
        reason: input.reasons[i]!,
        memory: override?.memory ?? group.memory ?? input.config.defaults.memory,
        timeout: override?.timeout ?? group.timeout ?? input.config.defaults.timeout,
        files,
        packages: union((r) => [...r.deps.packages, ...r.middleware.flatMap((m) => (m.package ? [m.package] : [])), ...(measured?.packages ?? [])]),
        env: union((r) => r.deps.env),
        entities: union((r) => r.deps.entities),
        hazards: [...new Set(hazards)],
        bundle: measured
          ? { bytes: measured.bytes, estimated: false }
          : { bytes: predictBytes(group.routes, input.routes, input.footprints, undefined, diskBytes), estimated: true },
      };
      return fn;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const id of Object.keys(input.config.functions).sort()) {
    if (!input.ids.includes(id))
      warnings.push({
        code: 'CONFIG_FUNCTION_UNKNOWN',
        message: `functions.${id}: no function has this id (ids: ${[...input.ids].sort().join(', ') || 'none'})`,
      });
  }
  const app = input.graph?.appBytes;
  for (const fn of functions) {
    if (fn.bundle && fn.bundle.bytes > input.config.maxBundleBytes)
      warnings.push({
        code: 'BUNDLE_OVER_LIMIT',
        function: fn.id,
        message: `function ${fn.id}: bundle ${fn.bundle.bytes} bytes is over maxBundleBytes ${input.config.maxBundleBytes}`,
      });
    if (app && functions.length > 1 && fn.bundle && !fn.bundle.estimated && fn.bundle.bytes >= 0.9 * app) {
      const heavy = entries.get(fn.id)!.join(', ');
      warnings.push({
        code: 'BUNDLE_IS_WHOLE_APP',
        function: fn.id,
        message: `function ${fn.id} bundles ${Math.round((100 * fn.bundle.bytes) / app)}% of the app: its handler files (${heavy}) import the whole app; move inline handlers into their own modules`,
      });
    }
  }
  return functions;
}
