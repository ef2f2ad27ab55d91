import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../analyzer/plan/plan-split';
import { bundleHandlers } from '../../cli/bundle';
import { bundleEntries, readRegisteringSources } from '../../cli/generate-into';
import { generateAll } from '../../generators/generate';
import { Config } from '../../model/config';
import { httpApiEvent } from '../support/invoke-functions-process';

const APP = path.join(__dirname, '..', 'fixtures', 'generators', 'slice-root-app-routes');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };
type Answer = { statusCode: number; body: string; headers: Record<string, string> };

// Routes on the root app of an entry that exports nothing, under conditional settings and
// middleware: each function's bundle runs the entry minus the other functions' registrations,
// so it carries its own controller only, and still answers through the app's whole chain.
describe('generators/slice bundles of an entry with routes on the root app', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-slice-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('bundles only each function\'s controllers and answers like the monolith', async () => {
    const plan = await planSplit(await analyzeApp({ appDir: APP }), Config.parse({ strategy: 'per-route' }), undefined, { appDir: APP });
    const generated = generateAll(plan, { appDir: path.relative(out, APP).split(path.sep).join('/'), sources: readRegisteringSources(APP, plan) }, ['serverless']);
    expect(generated.diagnostics.filter((d) => d.code === 'REGISTRATIONS_SLICED').map((d) => d.subject).sort()).toEqual(plan.functions.map((f) => f.id).sort());
    for (const f of generated.files) {
      fs.mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      fs.writeFileSync(path.join(out, f.path), f.contents);
    }
    const built = await bundleHandlers(out, APP, bundleEntries(plan));
    expect(built.failures).toEqual([]);
    for (const f of built.files) {
      fs.mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
      fs.writeFileSync(path.join(out, f.path), f.contents);
    }
    const bundleOf = (route: string) => {
      const fn = plan.functions.find((f) => f.routes.includes(route))!;
      const size = built.sizes.find((s) => s.id === fn.id)!;
      return { size, text: fs.readFileSync(path.join(out, size.file), 'utf8'), handler: (require(path.join(out, size.file)) as { handler: (e: unknown, c: unknown) => Promise<Answer> }).handler };
    };

    const users = bundleOf('GET /users/:id');
    expect(users.text).toContain('users-controller-code');
    expect(users.text).not.toContain('health-controller-code');
    expect(users.text).not.toContain('orders-controller-code');
    expect(users.size.slice).toEqual({ files: ['server.js'], alsoOriginal: [] });
    const copy = fs.readFileSync(path.join(out, 'functions', plan.functions.find((f) => f.routes.includes('GET /users/:id'))!.id, 'app', 'server.js'), 'utf8');
    expect(copy).toContain("require('../../../"); // the monolith's modules, imported, not copied
    expect(copy).not.toContain("app.get('/health'");
    expect(copy).toContain("if (process.env.TRUST_PROXY) app.set('trust proxy', true);");
    const shown = await users.handler(httpApiEvent('GET', '/users/7'), CONTEXT);
    expect(shown.statusCode).toBe(200);
    expect(JSON.parse(shown.body)).toEqual({ id: '7', from: 'users-controller-code' });
    expect(shown.headers['access-control-allow-origin']).toBe('https://shop.example'); // cors(corsOptions)
    expect(shown.headers['x-logged']).toBe('yes'); // conditional app-level middleware
    const failed = await users.handler(httpApiEvent('GET', '/users/boom'), CONTEXT);
    expect(failed.statusCode).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ error: 'user lookup failed', handledBy: 'entry' }); // inline error handler
    expect((await users.handler(httpApiEvent('GET', '/health'), CONTEXT)).statusCode).toBe(404);

    const orders = bundleOf('GET /orders');
    expect(orders.text).toContain('orders-controller-code');
    expect(orders.text).not.toContain('users-controller-code');
    expect(JSON.parse((await orders.handler(httpApiEvent('GET', '/orders'), CONTEXT)).body)).toEqual({ orders: [], from: 'orders-controller-code' });

    const health = bundleOf('GET /health');
    expect(health.text).not.toContain('users-controller-code');
    expect(health.text).not.toContain('orders-controller-code');
    expect((await health.handler(httpApiEvent('GET', '/health'), CONTEXT)).statusCode).toBe(200);
  }, 60_000);
});
