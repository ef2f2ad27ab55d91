import type { Analysis, Hazard } from '../model/analysis';
import type { SplitPlan } from '../model/plan';

/**
 * Whether a plan leaves error-level findings unresolved: an error diagnostic (a file that does
 * not parse), or an error hazard (a websocket server) affecting a route the plan moves into a
 * function. An error hazard whose routes all stay in the monolith is handled by the plan.
 */
export function planHasErrors(analysis: Analysis, plan: SplitPlan): boolean {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return true;
  const kept = keptRoutes(plan);
  return analysis.hazards.some((h) => hazardBlocksPlan(h, kept));
}

/** The routes a plan keeps in the monolith. */
export function keptRoutes(plan: SplitPlan): Set<string> {
  return new Set(plan.keep.map((k) => k.route));
}

/** Whether an error-level hazard affects a route a function serves (one the plan does not keep). */
export function hazardBlocksPlan(hazard: Hazard, kept: ReadonlySet<string>): boolean {
  return hazard.severity === 'error' && hazard.routes.some((r) => !kept.has(r));
}
