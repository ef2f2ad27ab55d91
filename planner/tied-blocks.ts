import type { Route } from '../model/analysis';
import { type StructuralTie, structuralTies } from './structural-ties';
import { joinedGroups } from './union-find';

/**
 * A tie spanning more than this share of the routes (and more than `SMALL_FEATURE` routes) names
 * the app's plumbing (one generic CRUD controller, one router for everything), not a feature: it
 * does not hold routes together. In a small app one feature may well hold most routes.
 */
const MAX_TIE_SHARE = 0.5;
const SMALL_FEATURE = 12;

/** The structural ties among the routes that name a feature (see `MAX_TIE_SHARE`). */
export function featureTies(routes: readonly Route[]): StructuralTie[] {
  const limit = Math.max(SMALL_FEATURE, Math.floor(MAX_TIE_SHARE * routes.length));
  return structuralTies(routes).filter((tie) => tie.routes.length <= limit);
}

/** The hard blocks joined by the ties: what the strategy places as units. Sorted like `UnionFind.groups`. */
export function tiedBlocks(blocks: readonly string[][], ties: readonly StructuralTie[]): string[][] {
  const known = new Set(blocks.flat());
  return joinedGroups([...blocks, ...ties.map((tie) => tie.routes.filter((id) => known.has(id)))]);
}
