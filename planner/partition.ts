import type { Mount, Route } from '../model/analysis';
import type { Strategy } from '../model/config';
import type { PlanWarning } from '../model/plan';
import type { RouteGraph } from './route-graph';
import { type ClusterOptions, clusterBlocks } from './strategies/clustered';
import { STRATEGIES } from './strategies';

/** Inputs of a partition. */
export interface PartitionInput {
  /** Grouping strategy. */
  strategy: Strategy;
  /** Routes to place in functions (the kept ones left out). */
  routes: readonly Route[];
  /** Groups that share one function: the hard blocks joined by the app's structural ties. */
  blocks: readonly string[][];
  /**
   * Groups that must share one function whatever the size (shared in-memory state, pins); a
   * block of `blocks` over the bundle limit falls apart into these. Defaults to `blocks`.
   */
  hardBlocks?: readonly string[][];
  /** Route affinity. */
  graph: RouteGraph;
  /** Mounts, for `per-router`. */
  mounts: readonly Mount[];
  /** Clustering options. */
  cluster: ClusterOptions;
  /** Predicted bundle bytes of a group of routes. */
  predict: (ids: readonly string[]) => number;
  /** Largest allowed predicted bundle. */
  maxBundleBytes: number;
  /** Routes whose handler files import (nearly) the whole app; kept apart from the others. */
  heavy: ReadonlySet<string>;
  /** Most groups to return (see `capFunctionCount`); unlimited when absent. */
  maxFunctions?: number;
  /** Routes pinned to a named function: their groups are never merged with others. */
  pinned?: ReadonlySet<string>;
}

/** Groups the routes into functions by the strategy, respecting blocks and the bundle limit. */
export function partitionRoutes(input: PartitionInput): { groups: string[][]; warnings: PlanWarning[] } {
  const groups = STRATEGIES[input.strategy](input);
  const warnings: PlanWarning[] = [];
  const split = groups.map((g) => isolateHeavy(g, input));
  const heavy = split.flatMap((s) => s.heavy);
  const light = split.flatMap((s) => (s.light.length > 0 ? [s.light] : []));
  // Routes that each load the whole app cost the same in one function as in many: gather them.
  const gathered = heavy.length > 0 ? [...light, heavy.sort()] : light;
  const limited = gathered.flatMap((g) => enforceLimit(g, input, warnings));
  const result = input.maxFunctions === undefined ? limited : capFunctionCount(limited, input, input.maxFunctions, warnings);
  return { groups: result.sort((a, b) => a[0]!.localeCompare(b[0]!)), warnings };
}

/**
 * At most `max` groups: the unpinned ones, in the order of their first route's path, are cut
 * into contiguous runs holding about the same number of routes, and each run becomes one group,
 * so merged routes are path neighbours (`/r1/...` with `/r10/...`, an API area with the next).
 * Pinned groups stay as they are. A run whose merged bundle would pass `maxBundleBytes` stays
 * apart, and the plan says it has more functions than `max`.
 */
function capFunctionCount(groups: string[][], input: PartitionInput, max: number, warnings: PlanWarning[]): string[][] {
  if (groups.length <= max) return groups;
  const pinned = input.pinned ?? new Set<string>();
  const fixed = groups.filter((g) => g.some((id) => pinned.has(id)));
  const paths = new Map(input.routes.map((r) => [r.id, `${r.path} ${r.id}`]));
  const firstPath = (g: readonly string[]) => g.map((id) => paths.get(id) ?? id).sort()[0]!;
  const free = groups.filter((g) => !g.some((id) => pinned.has(id))).map((g) => ({ g, key: firstPath(g) })).sort((a, b) => a.key.localeCompare(b.key)).map((x) => x.g);
  const target = Math.max(1, max - fixed.length);
  if (free.length <= target) return groups;
  const total = free.reduce((n, g) => n + g.length, 0);
  const runs: string[][][] = [];
  let placed = 0;
  for (const [i, g] of free.entries()) {
    const left = free.length - i;
    const open = runs.length > 0 && placed < (total * runs.length) / target && target - runs.length < left;
    if (open || runs.length === target) runs[runs.length - 1]!.push(g);
    else runs.push([g]);
    placed += g.length;
  }
  const merged: string[][] = [];
  let overLimit = 0;
  for (const run of runs) {
    const all = run.flat().sort();
    if (run.length > 1 && input.predict(all) > input.maxBundleBytes) {
      merged.push(...run);
      overLimit += run.length - 1;
    } else merged.push(all);
  }
  const count = merged.length + fixed.length;
  warnings.push({
    code: 'FUNCTIONS_MERGED_BY_CAP',
    message: `${groups.length} groups of routes were merged into ${count} functions to stay within maxFunctions ${max} (neighbours in path order; pins kept)${overLimit > 0 ? `; ${overLimit} merge(s) would pass maxBundleBytes ${input.maxBundleBytes} and were not made, so the plan has more functions than maxFunctions` : ''} (raise maxFunctions for smaller functions, or keep a CloudFormation stack under its 500 resources another way)`,
  });
  return [...merged, ...fixed];
}

/**
 * Splits a group into the routes whose bundle is (nearly) the whole app and the lighter ones, so
 * one inline handler in the app's wiring file does not make every function load the whole app.
 * Blocks stay whole: a heavy route bound to light ones takes them along.
 */
function isolateHeavy(group: string[], input: PartitionInput): { heavy: string[]; light: string[] } {
  const members = new Set(group);
  const parts = input.blocks.filter((b) => members.has(b[0]!));
  const heavy = parts.filter((b) => b.some((id) => input.heavy.has(id))).flat().sort();
  const light = parts.filter((b) => !b.some((id) => input.heavy.has(id))).flat().sort();
  return { heavy, light };
}

/** A part predicting at least this share of its group's bundle is as big alone as with the others. */
const NO_GAIN = 0.9;

/**
 * Splits a group whose predicted bundle is over the limit: Louvain at rising resolution, then
 * block by block. Parts that alone already predict (nearly) the whole group's bundle (routes that
 * each load most of the app, as on Ghost where the app-level chain imports everything) gain
 * nothing from a split but a cold start each: they stay together, and only the rest is split.
 */
function enforceLimit(group: string[], input: PartitionInput, warnings: PlanWarning[]): string[][] {
  const bytes = input.predict(group);
  if (bytes <= input.maxBundleBytes) return [group];
  const members = new Set(group);
  const blocks = input.blocks.filter((b) => members.has(b[0]!));
  const blocked = new Set(blocks.flat());
  const parts = [...blocks, ...group.filter((id) => !blocked.has(id)).map((id) => [id])].sort((a, b) => a[0]!.localeCompare(b[0]!));
  if (parts.length <= 1) {
    const hard = (input.hardBlocks ?? []).filter((b) => members.has(b[0]!));
    if (hard.length > 1) {
      warnings.push({ code: 'TIES_BROKEN_BY_SIZE', message: `${group.length} route(s) the app's structure ties together (${group[0]}, ...) predict ${bytes} bytes, over maxBundleBytes ${input.maxBundleBytes}: they are split by what they share instead (raise maxBundleBytes, or pin them, to keep them in one function)` });
      return enforceLimit(group, { ...input, blocks: hard, hardBlocks: undefined }, warnings);
    }
    warnings.push({ code: 'BUNDLE_OVER_LIMIT', message: `${group.length} route(s) that must stay together (${group[0]}, ...) predict ${bytes} bytes, over maxBundleBytes ${input.maxBundleBytes}` });
    return [group];
  }
  const sizes = parts.map((p) => input.predict(p));
  const full = parts.filter((_, i) => sizes[i]! >= NO_GAIN * bytes);
  if (full.length > 0) {
    const together = full.flat().sort();
    const rest = parts.filter((_, i) => sizes[i]! < NO_GAIN * bytes).flat().sort();
    warnings.push({
      code: 'BUNDLE_OVER_LIMIT',
      message: `${together.length} route(s) (${together[0]}, ...) predict ${input.predict(together)} bytes together, over maxBundleBytes ${input.maxBundleBytes}, and up to ${Math.max(...sizes)} bytes each alone: splitting them would make no bundle smaller, so they stay together`,
    });
    return [together, ...(rest.length > 0 ? enforceLimit(rest, input, warnings) : [])];
  }
  let split: string[][] = [group];
  for (let resolution = input.cluster.resolution * 2; split.length <= 1 && resolution <= 64; resolution *= 2) {
    split = clusterBlocks(parts, input.graph, { ...input.cluster, resolution });
  }
  if (split.length <= 1) split = parts;
  return split.flatMap((g) => enforceLimit(g, input, warnings));
}
