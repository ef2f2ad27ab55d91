import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_FILE, bundleDir } from '../../generators/layout';
import type { SplitPlan } from '../../model/plan';
import type { VerificationResult, VerificationSummary } from '../../model/verification';
import type { VerifyConfig } from '../../model/verify-config';
import { alikeCounts } from './alike-counts';
import { compareResponses } from './compare';
import { type PayloadVersion, apiGatewayEvent } from './events';
import { sendHttp } from './http-request';
import { startFunctions } from './function-process';
import { observeLambda } from './lambda-response';
import { startMonolith } from './monolith';
import type { RequestSpec } from './request-spec';
import { buildRequests } from './requests';

/** One request, answered by the monolith and by the function. */
export type VerifyResult = VerificationResult;

/** What `cleave verify` found (the model's {@link VerificationSummary}). */
export type VerifyReport = VerificationSummary;

/** Options of {@link runVerify}. */
export interface VerifyOptions {
  /** The monolith's folder. */
  appDir: string;
  /** The generated output folder (functions/<id>/handler.ts). */
  outDir: string;
  /** The plan the functions were generated from. */
  plan: SplitPlan;
  /** The file the monolith starts from, relative to `appDir`. @default the plan's first `app.entry` */
  entry?: string;
  /** The `verify` section of the config. */
  config: VerifyConfig;
  /** API Gateway payload format. */
  payload: PayloadVersion;
  /** A stage prefix in the path (`prod`), for base-path handling. */
  stage?: string;
  /** Progress lines. */
  onProgress?: (message: string) => void;
  /** Where the monolith's and the functions' own output (their logs) goes. @default process.stderr */
  appOutput?: (chunk: Uint8Array) => void;
}

/**
 * Sends each request to the monolith (its entry running in a child process on a loopback port)
 * and to the generated handler of the function serving its route (run in another child process,
 * each function with its own copy of the app's modules, invoked with an API Gateway event), and
 * compares the answers. Requests go out one at a time, the same to both sides, in the order of
 * {@link buildRequests}. Both children are stopped before this returns or throws.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyReport> {
  const { plan, config } = options;
  const entry = options.entry ?? plan.app.entry[0];
  if (!entry) throw new Error('the plan names no entry file');
  const output = options.appOutput ?? ((chunk: Uint8Array) => void process.stderr.write(chunk));
  const monolith = await startMonolith(path.resolve(options.appDir), entry, { output });
  const functions = startFunctions({ roots: [options.appDir, options.outDir], output });
  const results: VerifyResult[] = [];
  const owner = new Map<string, string>();
  for (const fn of plan.functions) for (const id of fn.routes) owner.set(id, fn.id);
  const routes = [...owner.keys()].map((id) => plan.routes[id]).filter((r) => r !== undefined);
  const built = buildRequests(routes, config);
  // What Lambda runs: the bundle (with what generate shipped beside it); the TypeScript handler
  // only when nothing was bundled (`generate --no-bundle`).
  const handlerFile = (id: string): string => {
    const bundle = path.resolve(options.outDir, bundleDir('function', id), BUNDLE_FILE);
    return fs.existsSync(bundle) ? bundle : path.resolve(options.outDir, 'functions', id, 'handler.ts');
  };
  try {
    for (const fn of plan.functions) {
      if (!fs.existsSync(handlerFile(fn.id))) throw new Error(`no generated handler at ${handlerFile(fn.id)} (run cleave generate first)`);
      const n = built.requests.filter((r) => owner.get(r.route) === fn.id).length;
      options.onProgress?.(`${fn.id}: ${n} request${n === 1 ? '' : 's'}`);
    }
    for (const spec of built.requests) {
      const fnId = owner.get(spec.route)!;
      const fromMonolith = await sendHttp(monolith.baseUrl, spec);
      const answer = await functions.invoke(fnId, handlerFile(fnId), apiGatewayEvent(spec, options.payload, options.stage));
      const fromFunction = 'error' in answer ? answer : observeLambda(answer.result);
      const ignore = { bodyPaths: [...config.ignore.bodyPaths, ...(spec.ignoreBodyPaths ?? [])] };
      results.push({
        function: fnId,
        route: spec.route,
        request: requestLine(spec),
        monolithStatus: fromMonolith.status,
        functionStatus: 'error' in fromFunction ? 0 : fromFunction.status,
        differences: 'error' in fromFunction ? [fromFunction.error] : compareResponses(fromMonolith, fromFunction, ignore),
      });
    }
  } finally {
    await Promise.all([functions.close(), monolith.close()]);
  }
  const initTimes = functions.initTimes();
  const inits = plan.functions.filter((f) => initTimes.has(f.id)).map((f) => ({ function: f.id, initMs: Math.round(initTimes.get(f.id)! * 10) / 10 }));
  const mismatched = results.filter((r) => r.differences.length > 0).length;
  const exercised = new Set(results.map((r) => r.route)).size;
  return {
    payload: options.payload,
    ...(options.stage ? { stage: options.stage } : {}),
    results,
    skipped: built.skipped,
    ...(inits.length > 0 ? { inits } : {}),
    ...(built.unknown.length > 0 ? { unknownRoutes: built.unknown } : {}),
    summary: { requests: results.length, matched: results.length - mismatched, mismatched, ...alikeCounts(results), routes: routes.length, exercised, skipped: built.skipped.length },
  };
}

/** `METHOD /path?query` of a request. */
export function requestLine(spec: RequestSpec): string {
  return `${spec.method} ${spec.path}${spec.query.length ? '?' + new URLSearchParams(spec.query).toString() : ''}`;
}

