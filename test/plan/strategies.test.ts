import { planSplit } from '../../planner/plan-split';
import { analysisOf, configOf, route, shopMounts, shopRoutes } from '../support/plan-fixtures';

const plan = (strategy: string) => planSplit(analysisOf(shopRoutes(), [], shopMounts()), configOf(`strategy: ${strategy}`));
const groups = (p: Awaited<ReturnType<typeof plan>>) => Object.fromEntries(p.functions.map((f) => [f.id, f.routes]));

describe('strategies', () => {
  it('per-route gives every route its own function with a readable unique id', async () => {
    const p = await plan('per-route');
    expect(p.functions).toHaveLength(10);
    expect(p.functions.every((f) => f.routes.length === 1)).toBe(true);
    expect(new Set(p.functions.map((f) => f.id)).size).toBe(10);
    expect(p.functions.map((f) => f.id)).toContain('products-reviews');
    expect(p.functions.find((f) => f.routes[0] === 'GET /api/products')?.reason).toMatch(/strategy per-route/);
  });

  it('per-router gives one function per mounted router, the nested reviews router apart', async () => {
    expect(groups(await plan('per-router'))).toEqual({
      orders: ['GET /api/orders', 'GET /api/orders/:id', 'POST /api/orders'],
      products: ['GET /api/products', 'GET /api/products/:id', 'POST /api/products'],
      'products-reviews': ['GET /api/products/:id/reviews', 'POST /api/products/:id/reviews'],
      users: ['GET /api/users', 'GET /api/users/:id'],
    });
  });

  it('clustered groups routes by shared closure and entities; files every route needs weigh nothing', async () => {
    const p = await plan('clustered');
    const g = groups(p);
    expect(g.users).toEqual(['GET /api/users', 'GET /api/users/:id']);
    expect(Object.values(g).find((r) => r.includes('GET /api/orders'))).toEqual(['GET /api/orders', 'GET /api/orders/:id', 'POST /api/orders']);
    const users = p.functions.find((f) => f.id === 'users')!;
    expect(users.reason).toContain('src/services/users.ts');
    expect(users.reason).not.toContain('src/config.ts');
    expect(users.reason).toContain('shared entities User');
    expect(users.bundle?.estimated).toBe(true);
  });

  it('clustered is deterministic: the same input gives the same plan', async () => {
    const [a, b] = [await plan('clustered'), await plan('clustered')];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('the default strategy is clustered', () => {
    expect(configOf().strategy).toBe('clustered');
  });
});

describe('routes whose handler file imports the whole app', () => {
  it('are gathered in one function apart from lighter routes, which keep their own bundles small', async () => {
    const light = shopRoutes();
    const inline = [
      route('GET', '/health', { file: 'src/app.ts', handler: 'src/app.ts', files: ['src/app.ts'] }),
      route('GET', '/', { file: 'src/app.ts', handler: 'src/app.ts', files: ['src/app.ts'] }),
    ];
    const files = [...new Set(light.flatMap((r) => r.deps.files))];
    const imports = new Map<string, string[]>([
      ['src/app.ts', files],
      ...light.map((r) => [r.handler.file, r.deps.files.filter((f) => f !== r.handler.file)] as [string, string[]]),
    ]);
    const bytes = new Map([...files, 'src/app.ts'].map((f) => [f, 1000]));
    const modules = {
      appBytes: 1000 * bytes.size,
      files: Object.fromEntries([...bytes].map(([f, b]) => [f, { bytes: b, imports: imports.get(f) ?? [], packages: [] }])),
    };
    const p = await planSplit({ ...analysisOf([...light, ...inline], [], shopMounts()), modules }, configOf());
    const app = p.functions.find((f) => f.routes.includes('GET /health'))!;
    expect(app.routes).toEqual(['GET /', 'GET /health']);
    expect(app.reason).toContain("their handler files import the app's wiring");
  });
});
