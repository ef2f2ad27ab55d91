import { assertEveryRouteOnce, PlanInvariantError } from '../../planner/invariant';
import { planSplit } from '../../planner/plan-split';
import type { SplitPlan } from '../../model/plan';
import { analysisOf, configOf, hazard, shopMounts, shopRoutes } from '../support/plan-fixtures';

describe('every route exactly once', () => {
  it.each(['per-route', 'per-router', 'clustered'])('holds for %s with keeps, pins and shared state', async (strategy) => {
    const hazards = [hazard('SERVER_SENT_EVENTS', ['GET /api/orders/:id']), hazard('MODULE_STATE_SHARED', ['GET /api/products', 'GET /api/users'])];
    const config = configOf(
      `strategy: ${strategy}\npin: { mixed: ["GET /api/orders", "GET /api/products/:id/reviews"] }\nkeep: [{ route: "/api/users/:id", reason: "legacy" }]`,
    );
    const p = await planSplit(analysisOf(shopRoutes(), hazards, shopMounts()), config);
    const placed = [...p.functions.flatMap((f) => f.routes), ...p.keep.map((k) => k.route)].sort();
    expect(placed).toEqual(
      shopRoutes()
        .map((r) => r.id)
        .sort(),
    );
    expect(() => assertEveryRouteOnce(p)).not.toThrow();
  });

  it('throws naming the route that is placed twice or not at all', async () => {
    const p = await planSplit(analysisOf(shopRoutes(), [], shopMounts()), configOf());
    const twice: SplitPlan = { ...p, keep: [{ route: p.functions[0]!.routes[0]!, reason: 'x' }] };
    expect(() => assertEveryRouteOnce(twice)).toThrow(PlanInvariantError);
    expect(() => assertEveryRouteOnce(twice)).toThrow(`${p.functions[0]!.routes[0]} is in function ${p.functions[0]!.id} and in keep`);
    const missing: SplitPlan = { ...p, functions: p.functions.slice(1) };
    expect(() => assertEveryRouteOnce(missing)).toThrow(/is in no function and not in keep/);
  });
});
