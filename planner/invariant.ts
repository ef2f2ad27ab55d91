import { planProblems } from '../model/plan-join';
import type { SplitPlan } from '../model/plan';

/** Where each route of the analysis landed, when the invariant does not hold. */
export class PlanInvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanInvariantError';
  }
}

/**
 * Every route of the catalog appears exactly once, in one function or in `keep`, and nothing
 * else appears. Throws `PlanInvariantError` naming the offending routes: that is a planner bug.
 */
export function assertEveryRouteOnce(plan: SplitPlan): void {
  const problems = planProblems(plan);
  if (problems.length > 0)
    throw new PlanInvariantError(`plan invariant broken: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
}
