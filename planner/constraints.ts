import type { Hazard, Route } from '../model/analysis';
import type { Config } from '../model/config';
import type { PlanWarning } from '../model/plan';
import { hazardRef, hazardRole, keepReason, sortHazards } from './hazard-policy';
import { selectRoutes } from './selectors';
import { UnionFind } from './union-find';

/** The hard constraints of a plan, before any strategy runs. */
export interface Constraints {
  /** Routes that stay in the monolith, with the reason. */
  keep: Map<string, string>;
  /** Groups of plannable routes that must share one function (pins and shared state), each sorted. */
  blocks: string[][];
  /** Binding hazards (`CODE file:line`) by route. */
  boundBy: Map<string, string[]>;
  /** Pin group name by route. */
  pinOf: Map<string, string>;
  /** Findings about the config and the constraints. */
  warnings: PlanWarning[];
}

/**
 * Computes what the config and the hazards force: config `exclude` and `keep`, hazards that
 * cannot run in a function, routes bound by shared in-memory state (together, or all kept when
 * one of them is kept), and pins.
 */
export function computeConstraints(routes: readonly Route[], hazards: readonly Hazard[], config: Config): Constraints {
  const warnings: PlanWarning[] = [];
  const keep = new Map<string, string>();
  const known = new Set(routes.map((r) => r.id));
  const select = (selector: string, where: string): string[] => {
    const ids = selectRoutes(selector, routes);
    if (ids.length === 0)
      warnings.push({ code: 'CONFIG_SELECTOR_UNMATCHED', message: `${where}: '${selector}' matches no route (check the route id or glob)` });
    return ids;
  };
  config.exclude.forEach((sel, i) => {
    for (const id of select(sel, `exclude[${i}]`)) if (!keep.has(id)) keep.set(id, `excluded by config (exclude: '${sel}')`);
  });
  config.keep.forEach((rule, i) => {
    for (const id of select(rule.route, `keep[${i}].route`)) if (!keep.has(id)) keep.set(id, `kept by config: ${rule.reason}`);
  });
  const bind = new UnionFind();
  const boundBy = new Map<string, string[]>();
  for (const hazard of sortHazards(hazards)) {
    const affected = hazard.routes.filter((id) => known.has(id));
    const role = hazardRole(hazard, hazards);
    if (role === 'keep') {
      for (const id of affected) if (!keep.has(id)) keep.set(id, keepReason(hazard, hazards));
    } else if (role === 'bind' && affected.length >= 2) {
      if (affected.length > config.stateGroupLimit * routes.length) {
        warnings.push({
          code: 'STATE_TOO_WIDE_TO_BIND',
          message: `${hazardRef(hazard)} is shared by ${affected.length} of ${routes.length} routes, more than stateGroupLimit (${config.stateGroupLimit}); no split preserves it: ${hazard.advice || 'move it to an external store'}`,
        });
        continue;
      }
      bind.union(...affected);
      for (const id of affected) boundBy.set(id, [...(boundBy.get(id) ?? []), hazardRef(hazard)]);
    }
  }
  for (const group of bind.groups()) {
    const kept = group.find((id) => keep.has(id));
    if (!kept || group.length < 2) continue;
    for (const id of group) {
      if (!keep.has(id)) keep.set(id, `shares in-memory state (${(boundBy.get(id) ?? []).join(', ')}) with ${kept}, which stays in the monolith`);
    }
  }
  const blocks = new UnionFind();
  for (const r of routes) if (!keep.has(r.id)) blocks.add(r.id);
  for (const group of bind.groups()) {
    const free = group.filter((id) => !keep.has(id));
    if (free.length > 1) blocks.union(...free);
  }
  const pinOf = new Map<string, string>();
  for (const [name, selectors] of Object.entries(config.pin).sort(([a], [b]) => a.localeCompare(b))) {
    const ids = [...new Set(selectors.flatMap((sel, i) => select(sel, `pin.${name}[${i}]`)))];
    const keptIds = ids.filter((id) => keep.has(id));
    if (keptIds.length > 0)
      warnings.push({
        code: 'PIN_WITH_KEPT_ROUTE',
        message: `pin.${name}: ${keptIds.join(', ')} stay${keptIds.length === 1 ? 's' : ''} in the monolith (${keep.get(keptIds[0]!)}); the rest of the group is pinned`,
      });
    const free = ids.filter((id) => !keep.has(id));
    for (const id of free) {
      if (pinOf.has(id)) warnings.push({ code: 'PIN_OVERLAP', message: `${id} is in pin.${pinOf.get(id)} and pin.${name}: both groups share one function` });
      else pinOf.set(id, name);
    }
    if (free.length > 1) blocks.union(...free);
  }
  return { keep, blocks: blocks.groups(), boundBy, pinOf, warnings };
}
