import { planSplit } from '../../planner/plan-split';
import type { SplitPlan } from '../../model/plan';
import { analysisOf, configOf, hazard, route, shopMounts, shopRoutes } from './plan-fixtures';

/** A plan with functions, kept routes, hazards of every severity, a schedule and a regex route. */
export function reportPlan(): SplitPlan {
  const routes = [...shopRoutes(), route('GET', 'regex:/^\\/isbn\\/(\\d{10}|\\d{13})$/', { file: 'src/app.ts', handler: 'src/app.ts' })];
  const hazards = [
    hazard('WEBSOCKET_SERVER', [], 'error', 'src/realtime/notifications.ts', 17),
    hazard('SERVER_SENT_EVENTS', ['GET /api/orders/:id'], 'warning', 'src/controllers/orders.ts', 41),
    hazard('MEMORY_SESSION_STORE', ['GET /api/users', 'GET /api/users/:id'], 'warning', 'src/app.ts', 22),
    hazard('TIMER_AT_BOOT', [], 'info', 'src/jobs/expire-carts.ts', 7),
  ];
  return planSplit(analysisOf(routes, hazards, shopMounts()), configOf('keep: [{ route: "POST /api/orders", reason: "writes <b>ledger</b> & more" }]'));
}
