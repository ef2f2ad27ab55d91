import type { Route } from '../model/analysis';
import type { PlanChanges, PlanDecisions, PlanWarning } from '../model/plan';

/** A group of routes headed for one function. */
export interface PlannedGroup {
  /** Route ids, sorted. */
  routes: string[];
  /** Id carried over from the previous plan. */
  id?: string;
  /** Memory carried over from the previous plan. */
  memory?: number;
  /** Timeout carried over from the previous plan. */
  timeout?: number;
  /** The group is a function of the previous plan. */
  fromPrevious: boolean;
}

/** The result of merging a previous plan into a fresh one. */
export interface CarriedPlan {
  /** Groups for functions. */
  groups: PlannedGroup[];
  /** Kept routes with reasons. */
  keep: Map<string, string>;
  /** Routes that appeared or vanished; undefined when none did. */
  changes: PlanChanges | undefined;
  /** Findings. */
  warnings: PlanWarning[];
}

/**
 * Re-planning keeps the user's edits: every function of the previous plan keeps its id,
 * memory, timeout and the routes that still exist (so renames and moves survive), routes it kept
 * stay kept. The fresh plan decides only for new routes: each joins the previous function that
 * holds most of its fresh cluster, or forms a new function. What the config or a hazard forces
 * into `keep` wins over the previous plan; so do new shared-state bindings (the groups merge).
 */
export function carryOver(
  previous: PlanDecisions,
  routes: readonly Route[],
  fresh: { keep: ReadonlyMap<string, string>; groups: readonly string[][]; blocks: readonly string[][] },
): CarriedPlan {
  const warnings: PlanWarning[] = [];
  const existing = new Set(routes.map((r) => r.id));
  const keep = new Map(fresh.keep);
  for (const k of previous.keep) if (existing.has(k.route) && !keep.has(k.route)) keep.set(k.route, k.reason);
  const known = new Set([...previous.keep.map((k) => k.route), ...previous.functions.flatMap((f) => f.routes)]);
  const groups: PlannedGroup[] = [];
  const groupOf = new Map<string, PlannedGroup>();
  for (const fn of previous.functions) {
    const moved = fn.routes.filter((id) => existing.has(id) && keep.has(id) && fresh.keep.has(id));
    for (const id of moved)
      warnings.push({
        code: 'PREVIOUS_PLACEMENT_OVERRIDDEN',
        message: `${id} was in function ${fn.id} in the previous plan; it now stays in the monolith: ${keep.get(id)}`,
      });
    const members = fn.routes.filter((id) => existing.has(id) && !keep.has(id)).sort();
    if (members.length === 0) continue;
    const group: PlannedGroup = { routes: members, id: fn.id, memory: fn.memory, timeout: fn.timeout, fromPrevious: true };
    groups.push(group);
    for (const id of members) groupOf.set(id, group);
  }
  const added = [...existing].filter((id) => !known.has(id)).sort();
  const addedSet = new Set(added);
  for (const cluster of fresh.groups) {
    const newcomers = cluster.filter((id) => addedSet.has(id) && !keep.has(id));
    if (newcomers.length === 0) continue;
    const votes = new Map<PlannedGroup, number>();
    for (const id of cluster) {
      const g = groupOf.get(id);
      if (g) votes.set(g, (votes.get(g) ?? 0) + 1);
    }
    const host = [...votes].sort((a, b) => b[1] - a[1] || (a[0].id ?? '').localeCompare(b[0].id ?? ''))[0]?.[0];
    const target = host ?? { routes: [], fromPrevious: false };
    if (!host) groups.push(target);
    target.routes = [...target.routes, ...newcomers].sort();
    for (const id of newcomers) groupOf.set(id, target);
  }
  mergeBoundGroups(groups, groupOf, fresh.blocks, warnings);
  // A group the fresh plan would make anyway is not "from the previous plan": re-planning an
  // unedited plan then gives the same bytes.
  const freshKeys = new Set(fresh.groups.map((g) => [...g].sort().join('\n')));
  for (const g of groups) if (freshKeys.has(g.routes.join('\n'))) g.fromPrevious = false;
  const removed = [...known].filter((id) => !existing.has(id)).sort();
  const changes = added.length + removed.length > 0 ? { added, removed } : undefined;
  return { groups: groups.filter((g) => g.routes.length > 0), keep, changes, warnings };
}

/** Routes that must share a function (new state bindings, pins) pull their groups together. */
function mergeBoundGroups(groups: PlannedGroup[], groupOf: Map<string, PlannedGroup>, blocks: readonly string[][], warnings: PlanWarning[]): void {
  for (const block of blocks) {
    const hosts = [...new Set(block.map((id) => groupOf.get(id)).filter((g): g is PlannedGroup => !!g))];
    if (hosts.length <= 1) continue;
    hosts.sort((a, b) => b.routes.length - a.routes.length || (a.id ?? '').localeCompare(b.id ?? ''));
    const [into, ...rest] = hosts as [PlannedGroup, ...PlannedGroup[]];
    for (const g of rest) {
      warnings.push({
        code: 'GROUPS_MERGED',
        message: `${g.id ?? 'a new group'} merged into ${into.id ?? 'a new group'}: ${block.join(', ')} must share one function (pin or shared in-memory state)`,
      });
      into.routes = [...into.routes, ...g.routes].sort();
      for (const id of g.routes) groupOf.set(id, into);
      g.routes = [];
    }
  }
}
