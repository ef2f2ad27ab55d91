import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { apiGatewayEvent } from '../../cli/verify/events';
import { REPO } from '../../scripts/golden';
import { copyOfSharedSplit } from '../support/shared-split';
import { SERVERLESS_ENV } from '../support/serverless-env';

const run = promisify(execFile);
const SERVERLESS = path.join(REPO, 'node_modules', '.bin', 'serverless');

interface Lambda {
  Type: string;
  Properties: { Handler?: string; FunctionName?: string; Environment?: { Variables?: Record<string, string> } };
}

/** An answer, or the failure, of a handler required and invoked in a process of its own. */
interface Invocation {
  statusCode?: number;
  error?: string;
}

// What a platform engineer does with cleave's output: `serverless package`, unzip each function's
// artifact, require its handler from the unzipped folder (Lambda's /var/task, nothing else
// around it) with only the environment the template sets, and send it one request of its own.
// The output folder lies outside this repository, so nothing resolves from the checkout.
describe('packaged functions load from their zip (shop-api)', () => {
  let out: string;
  let removeCopy: (() => void) | undefined;
  let functions: Array<[string, { handler: string; events?: Array<{ httpApi?: { method: string; path: string } }> }]>;
  let lambdas: Lambda[];

  beforeAll(async () => {
    // A copy of the run's shared split of the sample (`serverless package` writes .serverless/ into it).
    const copy = await copyOfSharedSplit('shop-api', 'zips');
    removeCopy = copy.remove;
    out = copy.outDir;
    await run(SERVERLESS, ['package', '--region', 'eu-west-1', '--stage', 'test'], { cwd: out, env: SERVERLESS_ENV, timeout: 120_000 });
    functions = Object.entries((parse(fs.readFileSync(path.join(out, 'serverless.yml'), 'utf8')) as { functions: Record<string, (typeof functions)[number][1]> }).functions);
    const template = JSON.parse(fs.readFileSync(path.join(out, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8')) as { Resources: Record<string, Lambda> };
    lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  }, 240_000);

  afterAll(() => removeCopy?.());

  /** Unzips a function's artifact and invokes its handler there, for `routeKey` (or only requires it). */
  async function invokeFromZip(name: string, lambda: Lambda, routeKey: string | undefined): Promise<Invocation> {
    const zip = path.join(out, '.serverless', `${name}.zip`);
    const task = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-task-${name}-`));
    try {
      await run('unzip', ['-q', zip, '-d', task]);
      const [file, exported] = splitHandler(lambda.Properties.Handler!);
      const event = routeKey ? apiGatewayEvent(requestOf(routeKey), 'v2') : undefined;
      const script = `const h = require(${JSON.stringify(`./${file}.js`)})[${JSON.stringify(exported)}];
        if (typeof h !== 'function') { console.log(JSON.stringify({ error: 'no handler export' })); process.exit(0); }
        const event = ${JSON.stringify(event ?? null)};
        if (!event) { console.log(JSON.stringify({ statusCode: 0 })); process.exit(0); }
        Promise.resolve(h(event, { awsRequestId: 'zip-test', getRemainingTimeInMillis: () => 10000 })).then(
          (r) => { console.log(JSON.stringify({ statusCode: r.statusCode })); process.exit(0); },
          (e) => { console.log(JSON.stringify({ error: String(e && e.stack || e) })); process.exit(0); });`;
      const env = { PATH: process.env.PATH ?? '', ...(lambda.Properties.Environment?.Variables ?? {}) };
      const { stdout } = await run(process.execPath, ['-e', script], { cwd: task, env, timeout: 30_000 }).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: JSON.stringify({ error: `${e.stdout ?? ''}${e.stderr ?? ''}` }) }));
      return JSON.parse(stdout.trim().split('\n').pop()!) as Invocation;
    } finally {
      fs.rmSync(task, { recursive: true, force: true });
    }
  }

  it('packages one artifact per function, outside the repository', () => {
    expect(functions.length).toBeGreaterThanOrEqual(3);
    expect(lambdas.length).toBe(functions.length);
    for (const [name] of functions) expect(fs.existsSync(path.join(out, '.serverless', `${name}.zip`))).toBe(true);
  });

  it('every function loads from its unzipped artifact and answers a request of its own routes (no 5xx, not a miss)', async () => {
    const answers: string[] = [];
    for (const [name, fn] of functions) {
      const lambda = lambdas.find((l) => l.Properties.Handler === fn.handler)!;
      const keys = (fn.events ?? []).flatMap((e) => (e.httpApi ? [`${e.httpApi.method.toUpperCase()} ${e.httpApi.path}`] : []));
      const key = keys.find((k) => k.startsWith('GET ')) ?? keys[0];
      const answer = await invokeFromZip(name, lambda, key);
      answers.push(`${name} ${key ?? '(scheduled: required only)'}: ${answer.error ? `failed ${answer.error.split('\n')[0]}` : answer.statusCode! >= 500 || answer.statusCode === 404 ? `answered ${answer.statusCode}` : `ok ${answer.statusCode}`}`);
    }
    expect(answers.filter((a) => !/: ok \d+$/.test(a))).toEqual([]);
    // every HTTP function was sent a request, not only required
    expect(answers.filter((a) => a.includes('(scheduled')).length).toBe(functions.filter(([, f]) => !(f.events ?? []).some((e) => e.httpApi)).length);
  }, 180_000);
});

/** `dist/functions/x/handler.handler` → the file without extension and the export. */
function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}

/** A request for a gateway route key (`GET /api/v1/products/{id}`), parameters as `1`. */
function requestOf(routeKey: string) {
  const [method, gatewayPath] = routeKey.split(' ') as [string, string];
  const concrete = gatewayPath.replace(/\{[^}]+\+\}/g, 'x').replace(/\{[^}]+\}/g, '1');
  return { route: routeKey, method, path: concrete, query: [] as Array<[string, string]>, headers: {} as Record<string, string> };
}
