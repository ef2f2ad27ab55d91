import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import { bundleHandlers } from '../../bundler/bundle';
import { bundleEntries } from '../../cli/generate-into';
import { generateAll } from '../../generators/generate';
import { Config } from '../../model/config';
import { httpApiEvent } from '../support/invoke-functions-process';
import { writeOutput } from '../support/split-and-bundle';

const APP = path.join(__dirname, '..', 'fixtures', 'generators', 'entry-only-app');

// A monolith that exports neither its app nor a factory (everything in server.js, ending in
// app.listen): the handler runs the entry with listen intercepted and serves through that app.
describe('generators/handlers entry capture', () => {
  it('serves the routes of an app that only its entry builds, without opening a port', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-entry-'));
    const plan = await planSplit(await analyzeApp({ appDir: APP }), Config.parse({ strategy: 'per-route' }));
    const generated = generateAll(plan, { appDir: path.relative(out, APP).split(path.sep).join('/') }, ['serverless']);
    expect(generated.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['WHOLE_APP_FALLBACK']));
    expect(generated.diagnostics.find((d) => d.code === 'WHOLE_APP_FALLBACK')!.message).toContain('runs its entry server.js with listen intercepted');
    writeOutput(out, generated.files);
    const fn = plan.functions.find((f) => f.routes.includes('GET /items/:id'))!;
    expect(fs.readFileSync(path.join(out, 'functions', fn.id, 'handler.ts'), 'utf8')).toContain("captureApp(() => require('");
    const built = await bundleHandlers(
      out,
      APP,
      bundleEntries(plan).filter((e) => e.id === fn.id),
    );
    expect(built.failures).toEqual([]);
    writeOutput(out, built.files);
    const bundle = path.join(out, built.sizes[0]!.file);
    const { handler } = require(bundle) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
    };
    const answer = await handler(httpApiEvent('GET', '/items/42'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ id: '42' });
    expect(answer.headers['x-powered-by']).toBeUndefined();
    const other = await handler(httpApiEvent('GET', '/health'), { awsRequestId: 't', getRemainingTimeInMillis: () => 3000 });
    expect(other.statusCode).toBe(404); // another function's route
  }, 60_000);
});
