import type { Mount, Route } from '../../model/analysis';
import type { Strategy } from '../../model/config';
import type { RouteGraph } from '../route-graph';
import { joinedGroups } from '../union-find';
import { type ClusterOptions, clusterBlocks } from './clustered';
import { groupByRouter } from './per-router';

/** What every grouping strategy is given. */
export interface StrategyInput {
  /** Routes to place in functions (the kept ones left out). */
  routes: readonly Route[];
  /** Groups that must share one function: each strategy's groups are unions of whole blocks. */
  blocks: readonly string[][];
  /** Route affinity. */
  graph: RouteGraph;
  /** Mounts of the analysis. */
  mounts: readonly Mount[];
  /** Clustering options. */
  cluster: ClusterOptions;
}

/** A grouping strategy: routes in, groups of route ids out (every route once, blocks whole). */
export type GroupingStrategy = (input: StrategyInput) => string[][];

/** The strategies by their config name (`strategy:`). */
export const STRATEGIES: Record<Strategy, GroupingStrategy> = {
  /** One function per route, but for the routes a block ties together. */
  'per-route': (input) => joinedGroups([...input.routes.map((r) => [r.id]), ...input.blocks]),
  /** One function per router (mount), blocks joined across routers. */
  'per-router': (input) => joinedGroups([...groupByRouter(input.routes, input.mounts), ...input.blocks]),
  /** Louvain communities of the route affinity graph over the blocks. */
  clustered: (input) => clusterBlocks(input.blocks, input.graph, input.cluster),
};
