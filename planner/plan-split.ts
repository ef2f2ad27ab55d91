import type { Analysis } from '../model/analysis';
import type { Config } from '../model/config';
import type { KeptRoute, PlanDecisions, PlanWarning, SplitPlan } from '../model/plan';
import { analysisRef } from '../model/plan-join';
import type { ProgressListener } from '../model/progress';
import { appInfo } from './app-info';
import { assembleFunctions, predictBytes } from './assemble';
import { confinedPackages } from './own-packages';
import { computeConstraints } from './constraints';
import { routeFootprint, wiringFiles } from './footprint';
import { nameGroups } from './function-names';
import { assertEveryRouteOnce } from './invariant';
import { diskBytesOf, moduleGraphOf } from './module-graph';
import { computeMetrics } from './metrics';
import { partitionRoutes } from './partition';
import { functionReason } from './reasons';
import { carryOver, type PlannedGroup } from './replan';
import { buildRouteGraph } from './route-graph';
import { findSchedules } from './schedules';
import { signInFlows } from './sign-in-flows';
import { featureTies, tiedBlocks } from './tied-blocks';
import { collapseFloods } from './warning-floods';

/** Options of `planSplit`. */
export interface PlanOptions {
  /** Receives progress events. */
  onProgress?: ProgressListener;
}

/**
 * Routes whose own bundle holds at least 75% of the app's bundle and 1.5 times the median
 * route's: their handler files import the app's wiring (an inline handler in `app.ts`).
 */
function heavyRoutes(ids: readonly string[], predict: (ids: readonly string[]) => number, appBytes: number | undefined): Set<string> {
  if (!appBytes || ids.length < 2) return new Set();
  const sizes = new Map(ids.map((id) => [id, predict([id])]));
  const sorted = [...sizes.values()].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return new Set(ids.filter((id) => sizes.get(id)! >= 0.75 * appBytes && sizes.get(id)! >= 1.5 * median));
}

/**
 * Plans the split: groups the analysis' routes into functions by the config's strategy under
 * the hard constraints (config keeps, pins, hazards that cannot run in a function, shared
 * in-memory state, the bundle limit), names them, measures them and scores the plan. With a
 * previous plan, its ids, moves and keeps are carried over. Reads only the analysis (its
 * module graph and file sizes included), so a saved analysis.json plans the same. Every route ends up exactly once, in one function or in `keep`.
 */
export function planSplit(analysis: Analysis, config: Config, previousPlan?: PlanDecisions, options: PlanOptions = {}): SplitPlan {
  const progress = options.onProgress ?? (() => undefined);
  const graph = moduleGraphOf(analysis);
  const diskBytes = diskBytesOf(analysis);
  const routes = new Map(analysis.routes.map((r) => [r.id, r]));
  const constraints = computeConstraints(analysis.routes, analysis.hazards, config);
  const warnings: PlanWarning[] = [...constraints.warnings];
  for (const d of analysis.diagnostics) if (d.code === 'BUNDLE_NOT_MEASURED') warnings.push({ code: d.code, message: d.message });
  const wiring = wiringFiles(analysis.routes, analysis.mounts);
  const footprints = new Map(analysis.routes.map((r) => [r.id, routeFootprint(r, graph, wiring)]));
  const plannable = analysis.routes.filter((r) => !constraints.keep.has(r.id));
  const routeGraph = buildRouteGraph(
    plannable.map((r) => footprints.get(r.id)!),
    diskBytes,
    constraints.boundBy,
  );
  progress({ stage: 'plan', message: `grouping ${plannable.length} routes (${config.strategy})` });
  const predict = (ids: readonly string[]): number => predictBytes(ids, routes, footprints, graph, diskBytes);
  const heavy = heavyRoutes(
    plannable.map((r) => r.id),
    predict,
    graph?.appBytes,
  );
  const ties = config.strategy === 'per-route' ? [] : featureTies(analysis.routes);
  const flows = signInFlows(analysis.routes, ties, analysis.authStrategies);
  const fresh = partitionRoutes({
    strategy: config.strategy,
    routes: plannable,
    blocks: tiedBlocks(constraints.blocks, ties),
    hardBlocks: constraints.blocks,
    graph: routeGraph,
    mounts: analysis.mounts,
    cluster: config.clustering,
    predict,
    maxBundleBytes: config.maxBundleBytes,
    heavy: heavy.size < plannable.length ? heavy : new Set(),
    maxFunctions: config.maxFunctions,
    pinned: new Set(constraints.pinOf.keys()),
    signInFlows: flows,
    looseBlocks: tiedBlocks(
      constraints.blocks,
      ties.filter((t) => t.kind === 'resource' || t.kind === 'auth-flow'),
    ),
    packageUsers: confinedPackages(analysis.routes, graph),
  });
  warnings.push(...fresh.warnings);
  let groups: PlannedGroup[] = fresh.groups.map((g) => ({ routes: g, fromPrevious: false }));
  let keep: ReadonlyMap<string, string> = constraints.keep;
  let changes: SplitPlan['changes'];
  if (previousPlan) {
    const carried = carryOver(previousPlan, analysis.routes, { keep: constraints.keep, groups: fresh.groups, blocks: constraints.blocks });
    ({ groups, keep, changes } = carried);
    warnings.push(...carried.warnings);
  }
  const ids = nameGroups(groups, routes, config, constraints.pinOf, warnings);
  const reasons = groups.map((g) =>
    functionReason({
      strategy: config.strategy,
      routes: g.routes,
      paths: g.routes.map((r) => routes.get(r)!.path),
      footprints,
      fileWeight: routeGraph.fileWeight,
      boundBy: constraints.boundBy,
      pinOf: constraints.pinOf,
      fromPreviousPlan: g.fromPrevious,
      heavy,
      ties,
      signInFlows: flows,
      packageSplits: fresh.packageSplits,
      affinity: routeGraph.weights,
      kept: keep,
    }),
  );
  const functions = assembleFunctions({ groups, ids, reasons, routes, footprints, hazards: analysis.hazards, config, diskBytes, graph }, warnings);
  const kept: KeptRoute[] = [...keep].map(([route, reason]) => ({ route, reason })).sort((a, b) => a.route.localeCompare(b.route));
  const metrics = computeMetrics({
    functions: functions.map((f) => ({
      id: f.id,
      routes: f.routes,
      files: f.files ?? [],
      bytes: f.bundle?.bytes ?? 0,
      estimated: f.bundle?.estimated ?? true,
    })),
    entitiesByRoute: new Map([...footprints].map(([id, fp]) => [id, fp.entities])),
    graph,
    fileBytes: (f) => graph?.bytes.get(f) ?? diskBytes(f),
  });
  const plan: SplitPlan = {
    schemaVersion: 1,
    app: appInfo(analysis),
    strategy: config.strategy,
    targets: config.targets,
    analysis: analysisRef(analysis),
    functions,
    keep: kept,
    schedules: findSchedules(analysis.hazards),
    metrics,
    warnings: collapseFloods(warnings),
    ...(changes ? { changes } : {}),
    hazards: analysis.hazards,
    mounts: analysis.mounts,
    ...(analysis.authStrategies ? { authStrategies: analysis.authStrategies } : {}),
    static: analysis.static,
    routes: Object.fromEntries([...routes.keys()].sort().map((id) => [id, routes.get(id)!])),
    ...(analysis.modules ? { modules: analysis.modules } : {}),
  };
  assertEveryRouteOnce(plan);
  return plan;
}
