import type { Mount, Route } from '../model/analysis';
import type { Strategy } from '../model/config';
import type { PlanWarning } from '../model/plan';
import type { RouteGraph } from './route-graph';
import { type ClusterOptions, clusterBlocks } from './strategies/clustered';
import { MinHeap } from './min-heap';
import { STRATEGIES } from './strategies';
import { type SignInFlow, flowOf } from './sign-in-flows';
import { type PackageSplit, type PackageUsers, splitByOwnPackages } from './own-packages';

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
  /** Sign-in flows with a strategy no other route uses (see `signInFlows`): each is split off its group. */
  signInFlows?: readonly SignInFlow[];
  /**
   * The hard blocks joined by the ties a package split respects (a path's methods, a sign-in
   * flow), not by router or controller: with them, the `clustered` strategy splits off a group
   * the routes that alone use some packages (see `splitByOwnPackages`).
   */
  looseBlocks?: readonly string[][];
  /** The packages a split can keep out of other functions, with the routes using each (see `confinedPackages`). */
  packageUsers?: PackageUsers;
}

/** Groups the routes into functions by the strategy, respecting blocks and the bundle limit. */
export function partitionRoutes(input: PartitionInput): { groups: string[][]; warnings: PlanWarning[]; packageSplits: PackageSplit[] } {
  const groups = STRATEGIES[input.strategy](input);
  const warnings: PlanWarning[] = [];
  const packageSplits: PackageSplit[] = [];
  const split = groups
    .flatMap((g) => isolateSignInFlows(g, input))
    .flatMap((g) => isolateOwnPackages(g, input, packageSplits))
    .map((g) => isolateHeavy(g, input));
  const heavy = split.flatMap((s) => s.heavy);
  const light = split.flatMap((s) => (s.light.length > 0 ? [s.light] : []));
  // Routes that each load the whole app cost the same in one function as in many: gather them.
  const gathered = heavy.length > 0 ? [...light, heavy.sort()] : light;
  const limited = gathered.flatMap((g) => enforceLimit(g, input, warnings));
  const result = input.maxFunctions === undefined ? limited : capFunctionCount(limited, input, input.maxFunctions, warnings);
  return { groups: result.sort((a, b) => a[0]!.localeCompare(b[0]!)), warnings, packageSplits };
}

/**
 * Splits off a group of the `clustered` strategy the routes that alone use some packages (see
 * `splitByOwnPackages`), recording each split in `splits`. Blocks of `looseBlocks` stay whole;
 * pinned groups stay as they are.
 */
function isolateOwnPackages(group: string[], input: PartitionInput, splits: PackageSplit[]): string[][] {
  if (input.strategy !== 'clustered' || !input.looseBlocks || !input.packageUsers?.size || group.length < 2 || group.some((id) => input.pinned?.has(id)))
    return [group];
  const parts = blocksWithin(input.looseBlocks, group);
  if (parts.length < 2) return [group];
  const result = splitByOwnPackages(parts, input.packageUsers);
  splits.push(...result.splits);
  return result.groups;
}

/**
 * At most `max` groups: among the unpinned ones, in the order of their routes' paths, the two
 * neighbours whose paths share the most leading segments are merged (the smaller pair first
 * among equals, so sizes stay even), until `max` remain: a resource's routes come together
 * before areas do. Pinned groups stay as they are. A merge whose bundle would pass
 * `maxBundleBytes` (or pass it further than its larger part already does) is not made; when no
 * other is left, the plan has more functions than `max` and says so.
 */
function capFunctionCount(groups: string[][], input: PartitionInput, max: number, warnings: PlanWarning[]): string[][] {
  if (groups.length <= max) return groups;
  const pinned = input.pinned ?? new Set<string>();
  const fixed = groups.filter((g) => g.some((id) => pinned.has(id)));
  const pathOf = new Map(input.routes.map((r) => [r.id, r.path]));
  const nodes: CapNode[] = groups
    .filter((g) => !g.some((id) => pinned.has(id)))
    .map((g) => {
      const sorted = g.map((id) => ({ id, key: `${pathOf.get(id) ?? id} ${id}` })).sort((a, b) => a.key.localeCompare(b.key));
      return {
        routes: g,
        first: pathOf.get(sorted[0]!.id) ?? '',
        last: pathOf.get(sorted[sorted.length - 1]!.id) ?? '',
        key: sorted[0]!.key,
        rank: 0,
        version: 0,
        alive: true,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  nodes.forEach((n, i) => {
    n.rank = i;
    n.prev = nodes[i - 1];
    n.next = nodes[i + 1];
  });
  const target = Math.max(1, max - fixed.length);
  // Pairs of neighbours, best first: most shared segments, then fewest routes, then path order.
  const pairs = new MinHeap<CapPair>(
    (a, b) => a.shared > b.shared || (a.shared === b.shared && (a.size < b.size || (a.size === b.size && a.left.rank < b.left.rank))),
  );
  const offer = (left: CapNode | undefined): void => {
    const right = left?.next;
    if (left && right)
      pairs.push({
        left,
        right,
        versions: [left.version, right.version],
        shared: sharedSegments(left.last, right.first),
        size: left.routes.length + right.routes.length,
      });
  };
  for (const n of nodes) offer(n);
  let count = nodes.length;
  while (count > target) {
    const pair = pairs.pop();
    if (!pair) break;
    const { left, right } = pair;
    if (!left.alive || !right.alive || left.next !== right || left.version !== pair.versions[0] || right.version !== pair.versions[1]) continue;
    const routes = [...left.routes, ...right.routes].sort();
    // A merge that takes a bundle over the limit (further over, for parts already over it: all
    // inline handlers in one big file) is not made; a later merge on either side offers the pair anew.
    const bytes = input.predict(routes);
    if (bytes > input.maxBundleBytes && bytes > Math.max(bytesOf(left, input), bytesOf(right, input))) continue;
    Object.assign(left, { routes, last: right.last, version: left.version + 1, next: right.next, bytes });
    right.alive = false;
    if (right.next) right.next.prev = left;
    count--;
    offer(left.prev);
    offer(left);
  }
  const merged = nodes.filter((n) => n.alive).map((n) => n.routes);
  const total = merged.length + fixed.length;
  const passed =
    total > max ? `; merging further would pass maxBundleBytes ${input.maxBundleBytes}, so the plan has ${total - max} more functions than maxFunctions` : '';
  warnings.push({
    code: 'FUNCTIONS_MERGED_BY_CAP',
    message: `${groups.length} groups of routes were merged into ${total} functions to stay within maxFunctions ${max} (path neighbours; pins kept)${passed} (raise maxFunctions for smaller functions)`,
  });
  return [...merged, ...fixed];
}

function bytesOf(node: CapNode, input: PartitionInput): number {
  node.bytes ??= input.predict(node.routes);
  return node.bytes;
}

/** A group of the function cap's list of path neighbours. */
interface CapNode {
  routes: string[];
  /** Path of its first and last route in path order. */
  first: string;
  last: string;
  /** Sort key of its first route. */
  key: string;
  /** Position in the first order: merges keep the left one's, so the order of nodes never changes. */
  rank: number;
  /** Bumped at each merge into it, so pairs offered before are known stale. */
  version: number;
  alive: boolean;
  /** Its predicted bundle, once asked. */
  bytes?: number;
  prev?: CapNode;
  next?: CapNode;
}

/** Two neighbours the cap may merge, as they were when offered. */
interface CapPair {
  left: CapNode;
  right: CapNode;
  versions: [number, number];
  shared: number;
  size: number;
}

/** How many leading path segments two paths share (`/api/orders/:id` and `/api/orders`: 2). */
function sharedSegments(a: string, b: string): number {
  const [x, y] = [a.split('/').filter(Boolean), b.split('/').filter(Boolean)];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * Splits a group into the routes whose bundle is (nearly) the whole app and the lighter ones, so
 * one inline handler in the app's wiring file does not make every function load the whole app.
 * Blocks stay whole: a heavy route bound to light ones takes them along.
 */
function isolateHeavy(group: string[], input: PartitionInput): { heavy: string[]; light: string[] } {
  const parts = blocksWithin(input.blocks, group);
  const heavy = parts
    .filter((b) => b.some((id) => input.heavy.has(id)))
    .flat()
    .sort();
  const light = parts
    .filter((b) => !b.some((id) => input.heavy.has(id)))
    .flat()
    .sort();
  return { heavy, light };
}

/**
 * Splits off a group the sign-in flows whose strategy no other route authenticates with
 * (`/auth/github` and its callback, beside the account pages): each provider's strategy, package
 * and OAuth client are then bundled by its flow's function only, since slicing leaves unused
 * strategies out. Blocks stay whole: a flow bound to other routes (by state, a pin) stays with
 * them. Pinned groups stay as they are.
 */
function isolateSignInFlows(group: string[], input: PartitionInput): string[][] {
  const flows = input.signInFlows ?? [];
  if (flows.length === 0 || group.length < 3 || group.some((id) => input.pinned?.has(id))) return [group];
  const parts = blocksWithin(input.blocks, group);
  const isFlow = (part: readonly string[]) => flowOf(flows, part) !== undefined;
  const alone = parts.filter(isFlow);
  if (alone.length === 0) return [group];
  const rest = parts
    .filter((p) => !isFlow(p))
    .flat()
    .sort();
  return [...alone.map((p) => [...p].sort()), ...(rest.length > 0 ? [rest] : [])];
}

const blockIndexes = new WeakMap<readonly string[][], Map<string, { block: number; at: number }>>();

/**
 * The blocks (in their order) holding routes of `group`, each cut to those routes in block order
 * (a group split off a block, by sign-in flow or by packages, keeps only its part); indexed once
 * per block list and proportional to the group, so 20,000 groups cost no quadratic scan.
 */
function blocksWithin(blocks: readonly string[][], group: readonly string[]): string[][] {
  let index = blockIndexes.get(blocks);
  if (!index) {
    index = new Map(blocks.flatMap((b, block) => b.map((id, at) => [id, { block, at }] as const)));
    blockIndexes.set(blocks, index);
  }
  const byBlock = new Map<number, Array<{ id: string; at: number }>>();
  for (const id of group) {
    const place = index.get(id);
    if (!place) continue;
    let members = byBlock.get(place.block);
    if (!members) byBlock.set(place.block, (members = []));
    members.push({ id, at: place.at });
  }
  return [...byBlock]
    .sort(([a], [b]) => a - b)
    .map(([block, members]) => (members.length === blocks[block]!.length ? blocks[block]! : members.sort((x, y) => x.at - y.at).map((m) => m.id)));
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
  const blocks = blocksWithin(input.blocks, group);
  const blocked = new Set(blocks.flat());
  const parts = [...blocks, ...group.filter((id) => !blocked.has(id)).map((id) => [id])].sort((a, b) => a[0]!.localeCompare(b[0]!));
  if (parts.length <= 1) {
    const hard = blocksWithin(input.hardBlocks ?? [], group);
    if (hard.length > 1) {
      warnings.push({
        code: 'TIES_BROKEN_BY_SIZE',
        message: `${group.length} route(s) the app's structure ties together (${group[0]}, ...) predict ${bytes} bytes, over maxBundleBytes ${input.maxBundleBytes}: they are split by what they share instead (raise maxBundleBytes, or pin them, to keep them in one function)`,
      });
      return enforceLimit(group, { ...input, blocks: hard, hardBlocks: undefined }, warnings);
    }
    warnings.push({
      code: 'BUNDLE_OVER_LIMIT',
      message: `${group.length} route(s) that must stay together (${group[0]}, ...) predict ${bytes} bytes, over maxBundleBytes ${input.maxBundleBytes}`,
    });
    return [group];
  }
  const sizes = parts.map((p) => input.predict(p));
  const full = parts.filter((_, i) => sizes[i]! >= NO_GAIN * bytes);
  if (full.length > 0) {
    const together = full.flat().sort();
    const rest = parts
      .filter((_, i) => sizes[i]! < NO_GAIN * bytes)
      .flat()
      .sort();
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
