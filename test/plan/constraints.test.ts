import { planSplit } from '../../planner/plan-split';
import type { Hazard } from '../../model/analysis';
import { analysisOf, sized, configOf, hazard, route, shopMounts, shopRoutes } from '../support/plan-fixtures';

const plan = (hazards: Hazard[], yaml = '', routes = shopRoutes()) => planSplit(analysisOf(routes, hazards, shopMounts()), configOf(yaml));
const functionOf = (p: Awaited<ReturnType<typeof plan>>, id: string) => p.functions.find((f) => f.routes.includes(id))?.id;

describe('constraints', () => {
  it('routes with a websocket or server-sent events hazard stay in the monolith, the hazard and the way out as reason', async () => {
    const p = await plan([
      hazard('SERVER_SENT_EVENTS', ['GET /api/orders/:id'], 'warning', 'src/controllers/orders.ts', 41),
      hazard('WEBSOCKET_SERVER', [], 'error', 'src/realtime.ts', 17),
    ]);
    expect(p.keep).toEqual([
      {
        route: 'GET /api/orders/:id',
        reason: 'SERVER_SENT_EVENTS src/controllers/orders.ts:41: SERVER_SENT_EVENTS found; to move it to a function: fix SERVER_SENT_EVENTS',
      },
    ]);
    expect(functionOf(p, 'GET /api/orders/:id')).toBeUndefined();
  });

  it('an error-severity hazard of unknown code keeps its routes', async () => {
    const p = await plan([hazard('SOMETHING_NEW', ['GET /api/users'], 'error')]);
    expect(p.keep.map((k) => k.route)).toEqual(['GET /api/users']);
  });

  it('a route reading local files stays only when requests of the app write local files', async () => {
    const read = hazard('LOCAL_FILE_READ_AT_REQUEST', ['GET /api/users/:id']);
    expect((await plan([read])).keep).toEqual([]);
    const withWrites = await plan([read, hazard('LOCAL_DISK_WRITE', ['GET /api/users'], 'warning', 'src/uploads.ts', 4)]);
    expect(withWrites.keep.map((k) => k.route)).toEqual(['GET /api/users/:id']);
    expect(withWrites.keep[0]!.reason).toContain('requests write local files (LOCAL_DISK_WRITE src/uploads.ts:4) that it may read back');
  });

  it('a read of a file shipped with the code (info) never keeps its routes, even when requests write local files', async () => {
    const page = hazard(
      'LOCAL_FILE_READ_AT_REQUEST',
      shopRoutes().map((r) => r.id),
      'info',
      'src/app.ts',
      37,
    );
    const p = await plan([page, hazard('LOCAL_DISK_WRITE', ['POST /api/orders'])]);
    expect(p.keep).toEqual([]);
    expect(p.functions.length).toBeGreaterThan(1);
  });

  it('routes sharing module state share one function, across resources', async () => {
    const p = await plan([hazard('MODULE_STATE_SHARED', ['GET /api/products/:id', 'GET /api/users'], 'warning', 'src/services/products.ts', 7)]);
    expect(functionOf(p, 'GET /api/products/:id')).toBe(functionOf(p, 'GET /api/users'));
    const fn = p.functions.find((f) => f.routes.includes('GET /api/users'))!;
    expect(fn.reason).toContain('bound by in-memory state MODULE_STATE_SHARED src/services/products.ts:7');
    expect(fn.hazards).toContain('MODULE_STATE_SHARED src/services/products.ts:7');
  });

  it('when one route bound by shared state stays in the monolith, the others stay with it', async () => {
    const p = await plan([
      hazard('MODULE_STATE_SHARED', ['GET /api/orders', 'POST /api/orders'], 'warning', 'src/services/order-events.ts', 32),
      hazard('SERVER_SENT_EVENTS', ['GET /api/orders']),
    ]);
    expect(p.keep.map((k) => k.route)).toEqual(['GET /api/orders', 'POST /api/orders']);
    expect(p.keep[1]!.reason).toMatch(/shares in-memory state \(MODULE_STATE_SHARED src\/services\/order-events.ts:32\) with GET \/api\/orders/);
  });

  it('state shared by more routes than stateGroupLimit allows is reported, not bound', async () => {
    const all = shopRoutes().map((r) => r.id);
    const p = await plan([hazard('MODULE_STATE_SHARED', all, 'warning', 'src/lib/metrics.ts', 2)]);
    expect(p.functions.length).toBeGreaterThan(1);
    expect(p.warnings.map((w) => w.code)).toContain('STATE_TOO_WIDE_TO_BIND');
  });

  it('honours config keep, exclude, pin, names and function overrides', async () => {
    const p = await plan(
      [],
      [
        'exclude: ["/api/users/**"]',
        'keep: [{ route: "POST /api/orders", reason: "writes to the legacy ledger" }]',
        'pin: { catalog: ["GET /api/products", "GET /api/orders/:id"] }',
        'names: { "GET /api/products/:id/reviews": reviews }',
        'functions: { catalog: { memory: 1024, timeout: 30 } }',
        'defaults: { memory: 256 }',
      ].join('\n'),
    );
    expect(p.keep).toEqual([
      { route: 'GET /api/users', reason: "excluded by config (exclude: '/api/users/**')" },
      { route: 'GET /api/users/:id', reason: "excluded by config (exclude: '/api/users/**')" },
      { route: 'POST /api/orders', reason: 'kept by config: writes to the legacy ledger' },
    ]);
    const catalog = p.functions.find((f) => f.id === 'catalog')!;
    expect(catalog.routes).toEqual(expect.arrayContaining(['GET /api/orders/:id', 'GET /api/products']));
    expect(catalog).toMatchObject({ memory: 1024, timeout: 30 });
    expect(catalog.reason).toContain('pinned together by config (pin.catalog)');
    expect(functionOf(p, 'GET /api/products/:id/reviews')).toBe('reviews');
    expect(p.functions.find((f) => f.id === 'reviews')).toMatchObject({ memory: 256, timeout: 10 });
  });

  it('warns about config entries that match nothing', async () => {
    const p = await plan([], 'exclude: ["/nope/**"]\nnames: { "GET /gone": x }\nfunctions: { ghost: { memory: 256 } }');
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['CONFIG_FUNCTION_UNKNOWN', 'CONFIG_NAME_UNUSED', 'CONFIG_SELECTOR_UNMATCHED']);
    expect(p.warnings.find((w) => w.code === 'CONFIG_SELECTOR_UNMATCHED')?.message).toBe(
      "exclude[0]: '/nope/**' matches no route (check the route id or glob)",
    );
  });

  it('splits a cluster whose predicted bundle is over maxBundleBytes', async () => {
    const big = (name: string) => route('GET', `/api/big/${name}`, { files: ['src/routes/big.ts', 'src/controllers/big.ts', `src/services/${name}.ts`] });
    const routes = [big('a'), big('b'), big('c'), big('d')];
    const sizes = {
      'src/routes/big.ts': 1000,
      'src/controllers/big.ts': 1000,
      'src/services/a.ts': 5000,
      'src/services/b.ts': 5000,
      'src/services/c.ts': 5000,
      'src/services/d.ts': 5000,
    };
    const p = await planSplit(sized(analysisOf(routes), sizes), configOf('maxBundleBytes: 12000'));
    expect(p.functions.length).toBeGreaterThan(1);
    for (const f of p.functions) expect(f.bundle!.bytes).toBeLessThanOrEqual(12000);
  });

  it('routes one controller ties together are split by what they share when their bundle is over maxBundleBytes, and the plan says so', async () => {
    const big = (name: string, line: number) => {
      const r = route('GET', `/api/big/${name}`, { files: ['src/routes/big.ts', 'src/controllers/big.ts', `src/services/${name}.ts`] });
      return { ...r, handler: { ...r.handler, line } };
    };
    const routes = [big('a', 1), big('b', 2), big('c', 3), big('d', 4)];
    const sizes = {
      'src/routes/big.ts': 1000,
      'src/controllers/big.ts': 1000,
      'src/services/a.ts': 5000,
      'src/services/b.ts': 5000,
      'src/services/c.ts': 5000,
      'src/services/d.ts': 5000,
    };
    const roomy = await planSplit(sized(analysisOf(routes), sizes), configOf('maxBundleBytes: 100000'));
    expect(roomy.functions.map((f) => f.routes.length)).toEqual([4]);
    expect(roomy.functions[0]!.reason).toContain('kept together: one controller (src/controllers/big.ts)');
    const tight = await planSplit(sized(analysisOf(routes), sizes), configOf('maxBundleBytes: 12000'));
    expect(tight.functions.length).toBeGreaterThan(1);
    for (const f of tight.functions) expect(f.bundle!.bytes).toBeLessThanOrEqual(12000);
    expect(tight.warnings.map((w) => w.code)).toContain('TIES_BROKEN_BY_SIZE');
  });

  it('a route alone because what the app ties it to stays in the monolith says so', async () => {
    const events = (method: string, p: string, line: number) => {
      const r = route(method, p, { file: 'src/routes/events.ts', handler: 'src/controllers/events.ts' });
      return { ...r, handler: { ...r.handler, line } };
    };
    const routes = [events('GET', '/api/events', 1), events('GET', '/api/events/stream', 2), route('GET', '/api/books')];
    const p = await planSplit(analysisOf(routes, [hazard('SERVER_SENT_EVENTS', ['GET /api/events/stream'])]), configOf());
    expect(p.keep.map((k) => k.route)).toEqual(['GET /api/events/stream']);
    expect(p.functions.find((f) => f.routes.includes('GET /api/events'))!.reason).toContain(
      'alone: the routes the app ties it to stay in the monolith (GET /api/events/stream)',
    );
  });

  it('does not split routes that each load (nearly) the whole app into one function per route: no bundle would be smaller', async () => {
    // Found on Ghost: every route needs the app's 4 MB core, the limit is 1 MB; the planner made 252 one-route functions of 4 MB each.
    const core = ['src/app.ts', 'src/core.ts'];
    const routes = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => route('GET', `/api/items/${n}`, { files: [...core, `src/routes/${n}.ts`] }));
    const light = route('GET', '/health', { files: ['src/health.ts'] });
    const sizes = { 'src/app.ts': 50_000, 'src/core.ts': 4_000_000 };
    const p = await planSplit(sized(analysisOf([...routes, light]), sizes), configOf('maxBundleBytes: 1048576'));
    const holding = (id: string) => p.functions.find((f) => f.routes.includes(id))!;
    expect(new Set(routes.map((r) => holding(r.id).id)).size).toBe(1);
    expect(holding('GET /health').routes).toEqual(['GET /health']);
    expect(p.warnings.find((w) => w.code === 'BUNDLE_OVER_LIMIT')?.message).toMatch(
      /^6 route\(s\) \(GET \/api\/items\/a, \.\.\.\) predict \d+ bytes together, .*splitting them would make no bundle smaller, so they stay together$/,
    );
  });
});
