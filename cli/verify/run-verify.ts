import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SplitPlan } from '../../model/plan';
import type { VerifyConfig } from '../../model/verify-config';
import { compareResponses } from './compare';
import { type PayloadVersion, apiGatewayEvent } from './events';
import { type LambdaResult, observeLambda } from './lambda-response';
import { sendHttp } from './http-request';
import { startMonolith } from './monolith';
import { type SkippedRoute, buildRequests } from './requests';

/** One request, answered by the monolith and by the function. */
export interface VerifyResult {
  /** Function id. */
  function: string;
  /** Route id. */
  route: string;
  /** `METHOD /concrete/path?query`. */
  request: string;
  /** Status the monolith answered. */
  monolithStatus: number;
  /** Status the function answered. */
  functionStatus: number;
  /** Differences; empty when they answered alike. */
  differences: string[];
}

/** What `cleave verify` found. */
export interface VerifyReport {
  /** Payload format used for the functions. */
  payload: PayloadVersion;
  /** One entry per request. */
  results: VerifyResult[];
  /** Routes not exercised, with the reason. */
  skipped: SkippedRoute[];
  /** Counts. */
  summary: { requests: number; matched: number; mismatched: number; skipped: number };
}

/** Options of {@link runVerify}. */
export interface VerifyOptions {
  /** The monolith's folder. */
  appDir: string;
  /** The generated output folder (functions/<id>/handler.ts). */
  outDir: string;
  /** The plan the functions were generated from. */
  plan: SplitPlan;
  /** The `verify` section of the config. */
  config: VerifyConfig;
  /** API Gateway payload format. */
  payload: PayloadVersion;
  /** A stage prefix in the path (`prod`), for base-path handling. */
  stage?: string;
  /** Progress lines. */
  onProgress?: (message: string) => void;
}

/**
 * Sends each request to the monolith (running in this process on a loopback port) and to the
 * generated handler (invoked with an API Gateway event), and compares the answers.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyReport> {
  const { plan, config } = options;
  const entry = plan.app.entry[0];
  if (!entry) throw new Error('the plan names no entry file');
  const monolith = await startMonolith(path.resolve(options.appDir), entry);
  const results: VerifyResult[] = [];
  const skipped: SkippedRoute[] = [];
  // The functions run in this process: what their code prints is theirs, not verify's result.
  const stdoutWrite = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    for (const fn of plan.functions) {
      const handlerFile = path.resolve(options.outDir, 'functions', fn.id, 'handler.ts');
      if (!fs.existsSync(handlerFile)) throw new Error(`no generated handler at ${handlerFile} (run cleave generate first)`);
      const handler = loadHandler(handlerFile);
      const routes = fn.routes.map((id) => plan.routes[id]).filter((r) => r !== undefined);
      const built = buildRequests(routes, config);
      skipped.push(...built.skipped);
      options.onProgress?.(`${fn.id}: ${built.requests.length} requests`);
      for (const spec of built.requests) {
        const fromMonolith = await sendHttp(monolith.baseUrl, spec);
        const fromFunction = observeLambda(await handler(apiGatewayEvent(spec, options.payload, options.stage), lambdaContext(fn.id)));
        results.push({
          function: fn.id,
          route: spec.route,
          request: `${spec.method} ${spec.path}${spec.query.length ? '?' + new URLSearchParams(spec.query).toString() : ''}`,
          monolithStatus: fromMonolith.status,
          functionStatus: fromFunction.status,
          differences: compareResponses(fromMonolith, fromFunction, config.ignore),
        });
      }
    }
  } finally {
    process.stdout.write = stdoutWrite;
    await monolith.close();
  }
  const mismatched = results.filter((r) => r.differences.length > 0).length;
  return { payload: options.payload, results, skipped, summary: { requests: results.length, matched: results.length - mismatched, mismatched, skipped: skipped.length } };
}

/** Loads a generated handler (TypeScript, through tsx) in this process. */
function loadHandler(file: string): (event: unknown, context: unknown) => Promise<LambdaResult> {
  (require('tsx/cjs/api') as { register(): void }).register();
  return (require(file) as { handler: (event: unknown, context: unknown) => Promise<LambdaResult> }).handler;
}

function lambdaContext(functionName: string): Record<string, unknown> {
  return {
    functionName,
    awsRequestId: 'cleave-verify',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 30_000,
  };
}
