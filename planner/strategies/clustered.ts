import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { RouteGraph } from '../route-graph';
import { seededRng } from '../rng';

/** Options of the Louvain clustering. */
export interface ClusterOptions {
  /** Louvain resolution (1 = standard modularity). */
  resolution: number;
  /** Seed of the random number generator. */
  seed: number;
}

/**
 * Clusters blocks (groups of routes that must stay together) by Louvain community detection
 * over the route affinity graph contracted to blocks (what a block shares inside kept as a self
 * loop). Blocks with no affinity to any other stay alone. Deterministic: nodes and edges are
 * added in sorted order and the rng is seeded.
 */
export function clusterBlocks(blocks: readonly string[][], graph: RouteGraph, options: ClusterOptions): string[][] {
  if (blocks.length <= 1) return blocks.map((b) => [...b]);
  const blockOf = new Map<string, number>();
  blocks.forEach((block, i) => block.forEach((id) => blockOf.set(id, i)));
  const g = new Graph({ type: 'undirected', allowSelfLoops: true });
  blocks.forEach((_, i) => g.addNode(String(i)));
  const edges = new Map<string, number>();
  let across = 0;
  for (const [a, row] of graph.weights) {
    const ba = blockOf.get(a);
    if (ba === undefined) continue;
    for (const [b, w] of row) {
      const bb = blockOf.get(b);
      if (bb === undefined || bb < ba || (bb === ba && b <= a)) continue;
      const key = `${ba} ${bb}`;
      edges.set(key, (edges.get(key) ?? 0) + w);
      if (bb !== ba) across += w;
    }
  }
  // The weight rows are symmetric; taking only bb > ba (and a < b inside a block) counts each
  // route pair once. What a block shares inside stays as a self loop: without it a large block
  // looks loosely knit and modularity would merge it with its neighbours.
  for (const key of [...edges.keys()].sort()) {
    const [a, b] = key.split(' ') as [string, string];
    g.addEdge(a, b, { weight: edges.get(key)! });
  }
  if (across === 0) return blocks.map((b) => [...b]);
  const communities = louvain(g, { getEdgeWeight: 'weight', resolution: options.resolution, rng: seededRng(options.seed) });
  const byCommunity = new Map<number, string[]>();
  blocks.forEach((block, i) => {
    const c = communities[String(i)]!;
    byCommunity.set(c, [...(byCommunity.get(c) ?? []), ...block]);
  });
  return [...byCommunity.values()].map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}
