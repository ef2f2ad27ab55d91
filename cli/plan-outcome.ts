import type { Analysis } from '../model/analysis';
import type { SplitPlan } from '../model/plan';

/**
 * Whether a plan leaves error-level findings unresolved: an error diagnostic (a file that does
 * not parse), or an error hazard (a websocket server) affecting a route the plan moves into a
 * function. An error hazard whose routes all stay in the monolith is handled by the plan.
 */
export function planHasErrors(analysis: Analysis, plan: SplitPlan): boolean {
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return true;
  const kept = new Set(plan.keep.map((k) => k.route));
  return analysis.hazards.some((h) => h.severity === 'error' && h.routes.some((r) => !kept.has(r)));
}
