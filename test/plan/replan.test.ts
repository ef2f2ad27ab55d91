import { parsePlanFile, stringifyPlan } from '../../model/plan-file';
import { planSplit } from '../../planner/plan-split';
import type { PlanDecisions, SplitPlan } from '../../model/plan';
import { analysisOf, configOf, route, shopMounts, shopRoutes } from '../support/plan-fixtures';

const plan = (routes = shopRoutes(), previous?: PlanDecisions) => planSplit(analysisOf(routes, [], shopMounts()), configOf(), previous);

/** The user's edits, made on the YAML text the way a person would. */
function edit(p: SplitPlan): PlanDecisions {
  const edited: SplitPlan = JSON.parse(JSON.stringify(p));
  const users = edited.functions.find((f) => f.id === 'users')!;
  users.id = 'people';
  users.memory = 2048;
  const orders = edited.functions.find((f) => f.routes.includes('GET /api/orders'))!;
  orders.routes = orders.routes.filter((r) => r !== 'GET /api/orders/:id');
  users.routes.push('GET /api/orders/:id');
  const products = edited.functions.find((f) => f.routes.includes('GET /api/products'))!;
  products.routes = products.routes.filter((r) => r !== 'POST /api/products');
  edited.keep.push({ route: 'POST /api/products', reason: 'still talks to the mainframe' });
  return parsePlanFile(stringifyPlan(edited));
}

describe('re-planning', () => {
  it('re-planning an unedited plan gives the same bytes', async () => {
    const first = await plan();
    const second = await plan(shopRoutes(), first);
    expect(stringifyPlan(second)).toBe(stringifyPlan(first));
  });

  it('after a one-line edit of the YAML text, the re-planned file differs from the first plan by that line only', async () => {
    const first = stringifyPlan(await plan());
    const lines = first.split('\n');
    const at = lines.findIndex((l) => /^ {4}memory: \d+$/.test(l));
    const edited = [...lines.slice(0, at), '    memory: 1536', ...lines.slice(at + 1)].join('\n');
    const again = stringifyPlan(await plan(shopRoutes(), parsePlanFile(edited))).split('\n');
    const changed = again.map((line, i) => [i, line, lines[i]] as const).filter(([, now, before]) => now !== before);
    expect({ length: again.length, changed }).toEqual({ length: lines.length, changed: [[at, '    memory: 1536', lines[at]]] });
  });

  it('keeps renamed ids, memory edits, moved routes and kept routes', async () => {
    const edited = edit(await plan());
    const again = await plan(shopRoutes(), edited);
    const people = again.functions.find((f) => f.id === 'people')!;
    expect(people.routes).toEqual(['GET /api/orders/:id', 'GET /api/users', 'GET /api/users/:id']);
    expect(people.memory).toBe(2048);
    expect(people.reason).toContain('placement kept from the previous plan');
    expect(again.functions.map((f) => f.id)).not.toContain('users');
    expect(again.keep).toContainEqual({ route: 'POST /api/products', reason: 'still talks to the mainframe' });
    expect(again.changes).toBeUndefined();
  });

  it('reports routes that appeared or vanished; a new route joins the function of its cluster', async () => {
    const edited = edit(await plan());
    const routes = shopRoutes().filter((r) => r.id !== 'GET /api/users/:id');
    routes.push(
      route('DELETE', '/api/users/:id', {
        files: ['src/routes/users.ts', 'src/controllers/users.ts', 'src/services/users.ts', 'src/config.ts'],
        entities: ['User'],
      }),
    );
    const again = await plan(routes, edited);
    expect(again.changes).toEqual({ added: ['DELETE /api/users/:id'], removed: ['GET /api/users/:id'] });
    expect(again.functions.find((f) => f.routes.includes('DELETE /api/users/:id'))?.id).toBe('people');
  });

  it('a route the previous plan kept that no longer exists is dropped; every route still appears once', async () => {
    const edited = edit(await plan());
    const again = await plan(
      shopRoutes().filter((r) => r.id !== 'POST /api/products'),
      edited,
    );
    expect(again.keep.map((k) => k.route)).not.toContain('POST /api/products');
    expect(again.changes?.removed).toEqual(['POST /api/products']);
  });
});
