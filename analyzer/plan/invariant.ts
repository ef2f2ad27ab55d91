import type { SplitPlan } from '../../model/plan';

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
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const place = (route: string, where: string): void => {
    if (seen.has(route)) problems.push(`${route} is in ${seen.get(route)} and in ${where}`);
    else seen.set(route, where);
    if (!plan.routes[route]) problems.push(`${route} (in ${where}) is not a route of the analysis`);
  };
  for (const fn of plan.functions) for (const r of fn.routes) place(r, `function ${fn.id}`);
  for (const k of plan.keep) place(k.route, 'keep');
  for (const id of Object.keys(plan.routes)) if (!seen.has(id)) problems.push(`${id} is in no function and not in keep`);
  const ids = plan.functions.map((f) => f.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`function id ${id} is used twice`);
  if (problems.length > 0) throw new PlanInvariantError(`plan invariant broken: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
}
