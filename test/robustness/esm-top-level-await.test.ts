import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';
import { STACK_LINE } from '../support/run-cli';

// An ES module app: "type": "module", .mjs entry and routers, a JSON import with an import
// attribute, and a top-level await in routes/orders.mjs. Analysis finds every route with its full
// path and measures the module graph (as ESM); split writes every handler and bundles all but the
// orders function, whose top-level await a CommonJS bundle cannot hold: BUNDLE_TOP_LEVEL_AWAIT
// names it, exit 1. (health is served through a sliced copy of server.mjs without the orders import.)
describe('robustness/esm-top-level-await', () => {
  const app = fixtureDir('robustness', 'esm-top-level-await');
  let out: string;
  beforeAll(() => {
    out = makeTemp('esm-out');
  });
  afterAll(() => removeTemp(out));

  it('finds the routes of .mjs routers with full paths, the JSON import evaluated', async () => {
    const run = await runChecked(app, 'analyze', app, '--format', 'json', '--quiet');
    expectContract(run, 0);
    const analysis = analysisOf(run);
    expect(analysis.entry).toEqual(['server.mjs']);
    expect(routeIds(analysis)).toEqual(['GET /api/orders', 'GET /api/users', 'GET /api/users/:id', 'GET /health', 'POST /api/orders']);
    expect(analysis.routes.find((r) => r.id === 'POST /api/orders')).toEqual(expect.objectContaining({ file: 'routes/orders.mjs', line: 9 }));
    expect(analysis.diagnostics).toEqual([]);
    expect(Object.keys(analysis.modules?.files ?? {})).toEqual(['config.json', 'routes/orders.mjs', 'routes/seed.mjs', 'routes/users.mjs', 'server.mjs']);
  }, 30_000);

  it('split writes every handler, bundles the others, and names the top-level await that stops orders', async () => {
    const run = await runChecked(app, 'split', app, '-o', out, '--quiet');
    expect(run.code).toBe(1);
    expect(run.after).toEqual(run.before);
    expect(run.stderr).not.toContain(STACK_LINE);
    expect(run.stderr).not.toContain('cleave: error:');
    const lines = run.stderr.trim().split('\n');
    const tla = lines.filter((l) => l.includes(' BUNDLE_TOP_LEVEL_AWAIT '));
    expect(tla).toHaveLength(1);
    for (const line of tla) {
      expect(line).toMatch(
        /^cleave: split: error BUNDLE_TOP_LEVEL_AWAIT functions\/orders\/handler\.ts \(orders\): \S*routes\/orders\.mjs:6 awaits at the top level of an ES module: handlers are bundled as CommonJS, which cannot hold a top-level await \(move that await into an async function the routes await on first use, or keep these routes in the monolith with keep: in cleave\.plan\.yaml\)$/,
      );
    }
    expect(lines.filter((l) => l.includes('BUNDLE_FAILED'))).toEqual([]);
    const plan = fs.readFileSync(path.join(out, 'cleave.plan.yaml'), 'utf8');
    const ids = [...plan.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!).sort();
    for (const id of ids) expect(fs.existsSync(path.join(out, 'functions', id, 'handler.ts'))).toBe(true);
    const bundles = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as { bundles: Array<{ id: string }>; failures: Array<{ id: string }> };
    expect(ids).toContain('orders');
    expect(bundles.bundles.map((b) => b.id).sort()).toEqual(ids.filter((id) => id !== 'orders'));
    expect(bundles.failures.map((f) => f.id)).toEqual(['orders']);
    for (const b of bundles.bundles) expect(fs.existsSync(path.join(out, 'dist', 'functions', b.id, 'handler.js'))).toBe(true);
  }, 120_000);
});
