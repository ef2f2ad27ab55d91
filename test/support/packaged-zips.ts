import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { apiGatewayEvent } from '../../verifier/events';
import type { LambdaResult } from '../../verifier/lambda-response';
import type { RequestSpec } from '../../verifier/request-spec';
import { REPO } from '../../scripts/golden';
import { SERVERLESS_ENV } from './serverless-env';

const run = promisify(execFile);
const SERVERLESS = path.join(REPO, 'node_modules', '.bin', 'serverless');

/** A function of `serverless.yml`, as cleave writes it. */
export interface ServerlessFunction {
  /** `dist/functions/<id>/handler.handler`. */
  handler: string;
  /** Its events; the HTTP ones carry `httpApi`. */
  events?: Array<{ httpApi?: { method: string; path: string } }>;
}

/** An `AWS::Lambda::Function` resource of the CloudFormation template `serverless package` writes. */
export interface LambdaResource {
  Type: string;
  Properties: { Handler?: string; FunctionName?: string; Environment?: { Variables?: Record<string, string> } };
}

/** What `serverless package` made of an output folder. */
export interface PackagedService {
  /** The functions of serverless.yml, by name, in its order. */
  functions: Array<[string, ServerlessFunction]>;
  /** The Lambda resources of the CloudFormation template. */
  lambdas: LambdaResource[];
}

/**
 * Runs `serverless package` in `out` (offline, no credentials: {@link SERVERLESS_ENV}, plus `env`,
 * which the template's `${env:...}` variables take) and reads back the functions of its
 * serverless.yml and the Lambda resources of the template it wrote.
 */
export async function packageService(out: string, env: NodeJS.ProcessEnv = {}): Promise<PackagedService> {
  await run(SERVERLESS, ['package', '--region', 'eu-west-1', '--stage', 'test'], { cwd: out, env: { ...SERVERLESS_ENV, ...env }, timeout: 120_000 });
  const functions = Object.entries(
    (parse(fs.readFileSync(path.join(out, 'serverless.yml'), 'utf8')) as { functions: Record<string, ServerlessFunction> }).functions,
  );
  const template = JSON.parse(fs.readFileSync(path.join(out, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, LambdaResource>;
  };
  const lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  return { functions, lambdas };
}

/** The Lambda resource of a function of serverless.yml (the one with its handler). */
export function lambdaOf(service: PackagedService, fn: ServerlessFunction): LambdaResource {
  const lambda = service.lambdas.find((l) => l.Properties.Handler === fn.handler);
  if (!lambda) throw new Error(`no Lambda resource in the template has the handler ${fn.handler}`);
  return lambda;
}

/** A function's HTTP API route keys (`GET /api/v1/products/{id}`), in the order of its events. */
export function httpRouteKeys(fn: ServerlessFunction): string[] {
  return (fn.events ?? []).flatMap((e) => (e.httpApi ? [`${e.httpApi.method.toUpperCase()} ${e.httpApi.path}`] : []));
}

/** A handler's answer to one event, or why it gave none. */
export interface ZipAnswer {
  /** What the handler resolved to. */
  result?: LambdaResult;
  /** The handler threw or rejected (its stack), or the process failed to load it. */
  error?: string;
}

/** What requiring a handler from its unzipped artifact gave. */
export interface ZipInvocation {
  /** Requiring the handler failed, or it exports no function (then there are no answers). */
  error?: string;
  /** One answer per request, in order. */
  answers: ZipAnswer[];
}

/** Marks the result line among whatever the app itself prints on stdout (morgan, console.log). */
const RESULT_MARK = '@@cleave-zip-result@@';

/**
 * Unzips a function's artifact (`<out>/.serverless/<name>.zip`) into a fresh folder (Lambda's
 * /var/task, nothing around it), requires its handler there in a process of its own whose
 * environment is only PATH and the variables the template gives the function, and sends it the
 * requests as API Gateway v2 events, one after the other (one container, warm after the first).
 * No requests: only requires it.
 */
export async function invokeFromZip(zip: string, lambda: LambdaResource, requests: RequestSpec[]): Promise<ZipInvocation> {
  const task = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-task-${path.basename(zip, '.zip')}-`));
  try {
    await run('unzip', ['-q', zip, '-d', task]);
    const [file, exported] = splitHandler(lambda.Properties.Handler!);
    const events = requests.map((r) => apiGatewayEvent(r, 'v2'));
    const script = `const mark = ${JSON.stringify(RESULT_MARK)};
      const done = (v) => process.stdout.write('\\n' + mark + JSON.stringify(v) + '\\n', () => process.exit(0));
      (async () => {
        let h;
        try { h = require(${JSON.stringify(`./${file}.js`)})[${JSON.stringify(exported)}]; } catch (e) { return done({ error: String(e && e.stack || e), answers: [] }); }
        if (typeof h !== 'function') return done({ error: 'no handler export', answers: [] });
        const answers = [];
        for (const event of ${JSON.stringify(events)}) {
          try { answers.push({ result: await h(event, { awsRequestId: 'zip-test', getRemainingTimeInMillis: () => 10000 }) }); }
          catch (e) { answers.push({ error: String(e && e.stack || e) }); }
        }
        done({ answers });
      })();`;
    const env = { PATH: process.env.PATH ?? '', ...(lambda.Properties.Environment?.Variables ?? {}) };
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: task, env, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout?: string; stderr?: string }) => ({
        stdout: RESULT_MARK + JSON.stringify({ error: `${e.stdout ?? ''}${e.stderr ?? ''}`, answers: [] }),
      }),
    );
    const line = stdout
      .split('\n')
      .filter((l) => l.startsWith(RESULT_MARK))
      .pop();
    return line ? (JSON.parse(line.slice(RESULT_MARK.length)) as ZipInvocation) : { error: `no result on stdout: ${stdout}`, answers: [] };
  } finally {
    fs.rmSync(task, { recursive: true, force: true });
  }
}

/** `dist/functions/x/handler.handler` → the file without extension and the export. */
function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}

/** A request for a gateway route key (`GET /api/v1/products/{id}`), parameters as `1`. */
export function requestOf(routeKey: string): RequestSpec {
  const [method, gatewayPath] = routeKey.split(' ') as [string, string];
  const concrete = gatewayPath.replace(/\{[^}]+\+\}/g, 'x').replace(/\{[^}]+\}/g, '1');
  return { route: routeKey, method, path: concrete, query: [], headers: {} };
}
