import type { Footprint } from './footprint';

/** Pairwise affinity of routes: what they share, weighted. Symmetric; zero pairs are absent. */
export interface RouteGraph {
  /** Affinity by route id, then by the other route id. */
  weights: Map<string, Map<string, number>>;
  /** Weight of a file as a feature: idf × size in KB (0 for files every route needs). */
  fileWeight: (file: string) => number;
}

/** How much each kind of sharing counts; files are normalised to [0, 1] by weighted Jaccard. */
export const AFFINITY = { files: 1, entities: 0.5, state: 1 } as const;

/**
 * Builds the route affinity graph. For routes i and j:
 * `files · J_w(files_i, files_j) + entities · J_w(entities_i, entities_j) + state · [i and j share a binding hazard]`,
 * where J_w is the Jaccard index weighted by idf (ln(N / routes using the feature)) and, for
 * files, by size in KB. A file every route needs (config, the error handler) weighs nothing.
 */
export function buildRouteGraph(
  footprints: readonly Footprint[],
  fileBytes: (file: string) => number,
  boundBy: ReadonlyMap<string, readonly string[]>,
): RouteGraph {
  const n = footprints.length;
  const fileIdf = idf(
    footprints.map((f) => f.files),
    n,
  );
  const entityIdf = idf(
    footprints.map((f) => f.entities),
    n,
  );
  const fileWeight = (file: string): number => (fileIdf.get(file) ?? 0) * (fileBytes(file) / 1024);
  const weights = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number): void => {
    if (a === b || w <= 0) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const row = weights.get(x) ?? new Map<string, number>();
      row.set(y, (row.get(y) ?? 0) + w);
      weights.set(x, row);
    }
  };
  const fileSim = weightedJaccard(
    footprints.map((f) => [f.id, f.files] as const),
    fileWeight,
  );
  for (const [a, b, s] of fileSim) add(a, b, AFFINITY.files * s);
  const entitySim = weightedJaccard(
    footprints.map((f) => [f.id, f.entities] as const),
    (e) => entityIdf.get(e) ?? 0,
  );
  for (const [a, b, s] of entitySim) add(a, b, AFFINITY.entities * s);
  const byHazard = new Map<string, string[]>();
  for (const f of footprints) for (const h of boundBy.get(f.id) ?? []) pushTo(byHazard, h, f.id);
  const statePairs = new Set<string>();
  // Larger groups are held together by the binding constraint itself; pairs would only cost memory.
  for (const ids of byHazard.values()) {
    if (ids.length > MAX_PAIRING_HOLDERS) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) statePairs.add(`${ids[i]}\u0000${ids[j]}`);
  }
  for (const pair of statePairs) {
    const [a, b] = pair.split('\u0000') as [string, string];
    add(a, b, AFFINITY.state);
  }
  return { weights, fileWeight };
}

/** Features (files, entities, state) held by more routes than this do not pair routes up. */
const MAX_PAIRING_HOLDERS = 250;

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function idf(sets: readonly ReadonlySet<string>[], n: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of sets) for (const item of set) df.set(item, (df.get(item) ?? 0) + 1);
  return new Map([...df].map(([item, count]) => [item, Math.log(n / count)]));
}

/** Weighted Jaccard similarity of every pair of sets that share a feature of positive weight. */
function weightedJaccard(sets: ReadonlyArray<readonly [string, ReadonlySet<string>]>, weight: (item: string) => number): Array<[string, string, number]> {
  const total = new Map<string, number>();
  const holders = new Map<string, string[]>();
  for (const [id, set] of sets) {
    let sum = 0;
    for (const item of set) {
      const w = weight(item);
      if (w <= 0) continue;
      sum += w;
      pushTo(holders, item, id);
    }
    total.set(id, sum);
  }
  const shared = new Map<string, number>();
  for (const [item, ids] of holders) {
    // A feature most routes share says little about which belong together (its idf is near 0)
    // and would cost n² pairs: a large app pairs routes on its rarer features only.
    if (ids.length > MAX_PAIRING_HOLDERS) continue;
    const w = weight(item);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + w);
      }
    }
  }
  const result: Array<[string, string, number]> = [];
  for (const [key, s] of shared) {
    const [a, b] = key.split('\u0000') as [string, string];
    const union = total.get(a)! + total.get(b)! - s;
    if (union > 0) result.push([a, b, s / union]);
  }
  return result;
}
