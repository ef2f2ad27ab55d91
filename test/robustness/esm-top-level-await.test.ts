import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readPlanSync } from '../../cli/plan-loader';
import type { BundleReport } from '../../model/bundle-report';
import { fixtureDir } from '../support/analyze-fixture';
import { analysisOf, expectContract, makeTemp, removeTemp, routeIds, runChecked } from '../support/bad-input';
import { httpApiEvent } from '../support/invoke-functions-process';
import { invokeFromZip, lambdaOf, packageService, requestOf } from '../support/packaged-zips';
import { runCli, STACK_LINE } from '../support/run-cli';
import { differences, verifyRun } from '../support/verify-run';

const run = promisify(execFile);

// An ES module app: "type": "module", .mjs entry and routers, a JSON import with an import
// attribute, and a top-level await in routes/orders.mjs. Analysis finds every route with its full
// path and measures the module graph (as ESM); split bundles every function, the orders function,
// whose top-level await a CommonJS bundle cannot hold, as an ES module (handler.mjs) behind a
// CommonJS handler.js: BUNDLE_ES_MODULE says so. (health is served through a sliced copy of
// server.mjs without the orders import.)
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

  it('split bundles every function, orders as an ES module behind a CommonJS handler.js, and says why', async () => {
    const split = await runChecked(app, 'split', app, '-o', out);
    expect(split.code).toBe(0);
    expect(split.after).toEqual(split.before);
    expect(split.stderr).not.toContain(STACK_LINE);
    const lines = split.stderr.trim().split('\n');
    expect(lines.filter((l) => / (error|warning) [A-Z_]+ /.test(l))).toEqual([]);
    expect(lines.filter((l) => l.includes(' BUNDLE_ES_MODULE '))).toEqual([
      'cleave: split: info BUNDLE_ES_MODULE functions/orders/handler.ts (orders): bundled as an ES module (dist/functions/orders/handler.mjs, imported by dist/functions/orders/handler.js on the first invocation), since routes/orders.mjs:6 awaits at the top level, which a CommonJS bundle cannot hold (nothing to do; to bundle it as CommonJS, move that await into an async function the routes await on first use)',
    ]);
    const ids = readPlanSync(path.join(out, 'cleave.plan.yaml'))
      .plan.functions.map((f) => f.id)
      .sort();
    expect(ids).toContain('orders');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')) as BundleReport;
    expect(report.failures).toEqual([]);
    expect(report.bundles.map((b) => b.id).sort()).toEqual(ids);
    for (const b of report.bundles) {
      expect(b.file).toBe(`dist/functions/${b.id}/handler.js`);
      expect(fs.existsSync(path.join(out, b.file))).toBe(true);
      expect(fs.existsSync(path.join(out, 'dist', 'functions', b.id, 'handler.mjs'))).toBe(b.id === 'orders');
      expect(b.esModule).toEqual(b.id === 'orders' ? { topLevelAwait: ['routes/orders.mjs:6'] } : undefined);
    }
    // The sizes are the ES module's, not the wrapper's.
    const orders = report.bundles.find((b) => b.id === 'orders')!;
    expect(orders.bytes).toBe(fs.statSync(path.join(out, 'dist', 'functions', 'orders', 'handler.mjs')).size);
    expect(orders.packages.map((p) => p.name)).toContain('express');
    expect(orders.ownBytes).toBeGreaterThan(0);
  }, 120_000);

  it('the orders function answers its routes when required like Lambda does, from a process of its own', async () => {
    const script = `const { handler } = require(${JSON.stringify(path.join(out, 'dist', 'functions', 'orders', 'handler.js'))});
      (async () => {
        const answers = [];
        for (const event of ${JSON.stringify([httpApiEvent('GET', '/api/orders'), httpApiEvent('POST', '/api/orders')])}) {
          const r = await handler(event, { awsRequestId: 'esm-test' });
          answers.push([r.statusCode, r.body]);
        }
        process.stdout.write(JSON.stringify(answers));
      })();`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: out, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual([
      [200, '[{"id":1}]'],
      [201, '{"id":1}'],
    ]);
    const invoked = await runCli('--quiet', 'invoke', 'orders', 'GET', '/api/orders', '--functions', out);
    expect(invoked.code).toBe(0);
    expect(invoked.stdout).toMatch(/^HTTP 200\n[\s\S]*\n\[\{"id":1\}\]\n?$/);
  }, 60_000);

  it('verify finds every function answering like the monolith', async () => {
    const plan = readPlanSync(path.join(out, 'cleave.plan.yaml')).plan;
    const verified = await verifyRun({ appDir: app, outDir: out, plan, remove: () => undefined });
    expect(differences(verified.report)).toEqual([]);
    expect(verified.code).toBe(0);
    expect(verified.report.results.map((r) => `${r.request} ${r.functionStatus}`)).toContain('GET /api/orders 200');
  }, 60_000);

  it('serverless package zips handler.mjs with its wrapper, and the unzipped function answers', async () => {
    const service = await packageService(out);
    const [name, fn] = service.functions.find(([, f]) => f.handler === 'dist/functions/orders/handler.handler')!;
    const zip = path.join(out, '.serverless', `${name}.zip`);
    const { stdout } = await run('unzip', ['-Z1', zip]);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['dist/functions/orders/handler.js', 'dist/functions/orders/handler.mjs']));
    const invocation = await invokeFromZip(zip, lambdaOf(service, fn), [requestOf('GET /api/orders')]);
    expect(invocation.error).toBeUndefined();
    expect(invocation.answers[0]?.result).toMatchObject({ statusCode: 200, body: '[{"id":1}]' });
  }, 120_000);
});
