import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpApiEvent } from '../support/invoke-functions-process';
import { runCli } from '../support/run-cli';
import { splitAndBundle } from '../support/split-and-bundle';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'generators');
const CONTEXT = { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 };

describe('generators/slice bundles', () => {
  const temps: string[] = [];
  const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-slice-'));
    temps.push(dir);
    return dir;
  };
  afterAll(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

  // Routes on the root app of an entry that exports nothing, under conditional settings and
  // middleware: each function's bundle runs a copy of the entry without the other functions'
  // registrations, so it carries its own controller only, and answers through the whole chain.
  it('of an entry with routes on the root app hold only their own controllers and answer like the monolith', async () => {
    const out = temp();
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-root-app-routes'), out);
    expect(
      split.diagnostics
        .filter((d) => d.code === 'REGISTRATIONS_SLICED')
        .map((d) => d.subject)
        .sort(),
    ).toEqual(split.plan.functions.map((f) => f.id).sort());

    const users = split.bundleOf('GET /users/:id');
    expect(users.text).toContain('users-controller-code');
    expect(users.text).not.toContain('health-controller-code');
    expect(users.text).not.toContain('orders-controller-code');
    expect(users.size.slice).toEqual({ files: ['controllers/users.js', 'server.js'], alsoOriginal: [] }); // the controller without `create`, whose route is another function's
    const copy = fs.readFileSync(path.join(out, 'functions', users.size.id, 'app', 'server.js'), 'utf8');
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

    const orders = split.bundleOf('GET /orders');
    expect(orders.text).toContain('orders-controller-code');
    expect(orders.text).not.toContain('users-controller-code');
    expect(JSON.parse((await orders.handler(httpApiEvent('GET', '/orders'), CONTEXT)).body)).toEqual({ orders: [], from: 'orders-controller-code' });

    const health = split.bundleOf('GET /health');
    expect(health.text).not.toContain('users-controller-code');
    expect(health.text).not.toContain('orders-controller-code');
    expect((await health.handler(httpApiEvent('GET', '/health'), CONTEXT)).statusCode).toBe(200);
  }, 60_000);

  // A router module mounting the resource routers, under an entry that mounts it conditionally:
  // the entry is copied unchanged so that it loads the sliced router module beside it.
  it('of nested registering modules copy the chain down to the sliced one and keep __dirname', async () => {
    const out = temp();
    const split = await splitAndBundle(path.join(FIXTURES, 'slice-nested-routers'), out);
    const users = split.bundleOf('GET /api/users');
    expect(users.size.slice).toEqual({ files: ['routes/index.js', 'server.js'], alsoOriginal: [] });
    expect(users.text).toContain('users-router-code');
    expect(users.text).not.toContain('orders-router-code');
    expect(JSON.parse((await users.handler(httpApiEvent('GET', '/api/users'), CONTEXT)).body)).toEqual({ users: [], from: 'users-router-code' });
    expect(fs.readFileSync(path.join(out, 'functions', users.size.id, 'app', 'server.js'), 'utf8')).toContain("const api = require('./routes');");

    const where = split.bundleOf('GET /api/where');
    expect(where.text).not.toContain('users-router-code');
    expect(JSON.parse((await where.handler(httpApiEvent('GET', '/api/where'), CONTEXT)).body)).toEqual({ folder: 'routes' });
  }, 60_000);

  // A helper that imports the entry back defeats the slice: say so rather than ship two apps quietly.
  it('warn when a module imports the original of a sliced module back', async () => {
    const out = temp();
    const run = await runCli('split', path.join(FIXTURES, 'slice-entry-imported-back'), '-o', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning SLICE_ORIGINAL_ALSO_LOADED dist\/functions\/a\/handler\.js \(a\): the bundle holds server\.js twice/);
    expect(run.stderr).not.toMatch(/SLICE_ORIGINAL_ALSO_LOADED dist\/functions\/b\//); // its routes reach no such helper
  }, 60_000);
});
