import type { VerificationResult } from '../model/verification';
import { compareAnswers, type IgnoreRules } from './compare';
import { CookieJar } from './cookie-jar';
import { type PayloadVersion, apiGatewayEvent } from './events';
import { type FunctionRunner, startFunctions } from './function-process';
import { type HookName, runHook } from './hooks';
import { sendHttp } from './http-request';
import { observeLambda } from './lambda-response';
import { startMonolith } from './monolith';
import type { ObservedResponse, RequestSpec } from './request-spec';

/** What both sides need to answer the requests. */
export interface TurnContext {
  /** The monolith's folder, absolute. */
  appDir: string;
  /** The output folder, absolute. */
  outDir: string;
  /** The monolith's entry, relative to `appDir`. */
  entry: string;
  /** The requests, in sending order. */
  requests: readonly RequestSpec[];
  /** Function id serving each route. */
  owner: ReadonlyMap<string, string>;
  /** The file Lambda would load for a function. */
  handlerFile(id: string): string;
  /** What the comparison of a request's answers leaves out. */
  ignoreFor(spec: RequestSpec): IgnoreRules;
  /** API Gateway payload format and stage. */
  payload: PayloadVersion;
  stage?: string;
  /** Keep the cookies each side is given and send them with its later requests (`verify.cookies`). */
  cookies?: boolean;
  /** Commands of `verify.reset` (sides only). */
  reset: readonly string[];
  /** Where the apps' and the hooks' output goes. */
  output: (chunk: Buffer) => void;
  /** Progress lines. */
  onProgress?: (message: string) => void;
  /** Runs a hook (tests replace it). @default {@link runHook} */
  runHook?: (name: HookName, commands: readonly string[]) => Promise<void>;
}

/** The answers of both sides, and what each side loaded. */
export interface TurnsResult {
  /** One per request, in sending order. */
  results: VerificationResult[];
  /** Modules the monolith had loaded when it listened (absolute). */
  bootModules: string[];
  /** The functions' runner, closed: its init times and loaded modules stay readable. */
  functions: FunctionRunner;
}

/**
 * `interleaved`: the monolith and the functions run side by side; each request goes to the
 * monolith, then to its function. Both are stopped before this returns or throws.
 */
export async function interleavedTurns(ctx: TurnContext): Promise<TurnsResult> {
  const monolith = await startMonolith(ctx.appDir, ctx.entry, { output: ctx.output });
  const functions = startFunctions({ roots: [ctx.appDir, ctx.outDir], output: ctx.output });
  const results: VerificationResult[] = [];
  const [toMonolith, toFunctions] = [sender(ctx), sender(ctx)];
  try {
    for (const spec of ctx.requests) {
      const fromMonolith = await toMonolith(spec, (s) => sendHttp(monolith.baseUrl, s));
      results.push(resultOf(ctx, spec, fromMonolith, await toFunctions(spec, (s) => functionAnswer(ctx, functions, s))));
    }
  } finally {
    await Promise.all([functions.close(), monolith.close()]);
  }
  return { results, bootModules: monolith.bootModules, functions };
}

/**
 * `sides`: the whole sequence to the monolith, which is then stopped (its connections closed);
 * `verify.reset`; then the whole sequence to the functions, each answer compared with the
 * monolith's answer to the same request. Both sides start from the state setup (and reset) made,
 * so a write (a POST creating a row) happens once on each side, never twice on one database.
 */
export async function sidesTurns(ctx: TurnContext): Promise<TurnsResult> {
  const monolith = await startMonolith(ctx.appDir, ctx.entry, { output: ctx.output });
  const fromMonolith: ObservedResponse[] = [];
  ctx.onProgress?.(`monolith: ${ctx.requests.length} request${ctx.requests.length === 1 ? '' : 's'}`);
  const toMonolith = sender(ctx);
  try {
    for (const spec of ctx.requests) fromMonolith.push(await toMonolith(spec, (s) => sendHttp(monolith.baseUrl, s)));
  } finally {
    await monolith.close();
  }
  if (ctx.reset.length > 0) {
    ctx.onProgress?.(`reset: ${ctx.reset.join('; ')}`);
    await (ctx.runHook ?? ((name, commands) => runHook(name, commands, ctx.appDir, ctx.output)))('reset', ctx.reset);
  }
  ctx.onProgress?.(`functions: ${ctx.requests.length} request${ctx.requests.length === 1 ? '' : 's'}`);
  const functions = startFunctions({ roots: [ctx.appDir, ctx.outDir], output: ctx.output });
  const results: VerificationResult[] = [];
  const toFunctions = sender(ctx);
  try {
    for (const [i, spec] of ctx.requests.entries())
      results.push(resultOf(ctx, spec, fromMonolith[i]!, await toFunctions(spec, (s) => functionAnswer(ctx, functions, s))));
  } finally {
    await functions.close();
  }
  return { results, bootModules: monolith.bootModules, functions };
}

/**
 * How one side sends its requests: as written, or, with `verify.cookies`, carrying the cookies
 * that side was given so far (its own {@link CookieJar}), keeping those its answers set.
 */
function sender(ctx: TurnContext): <A extends ObservedResponse | { error: string }>(spec: RequestSpec, send: (s: RequestSpec) => Promise<A>) => Promise<A> {
  const jar = ctx.cookies ? new CookieJar() : undefined;
  return async (spec, send) => {
    if (!jar) return send(spec);
    const answer = await send(jar.apply(spec));
    if (!('error' in answer)) jar.store(answer.setCookies);
    return answer;
  };
}

async function functionAnswer(ctx: TurnContext, functions: FunctionRunner, spec: RequestSpec): Promise<ObservedResponse | { error: string }> {
  const fnId = ctx.owner.get(spec.route)!;
  const answer = await functions.invoke(fnId, ctx.handlerFile(fnId), apiGatewayEvent(spec, ctx.payload, ctx.stage));
  return 'error' in answer ? answer : observeLambda(answer.result);
}

function resultOf(ctx: TurnContext, spec: RequestSpec, fromMonolith: ObservedResponse, fromFunction: ObservedResponse | { error: string }): VerificationResult {
  const compared =
    'error' in fromFunction ? { differences: [fromFunction.error], ignored: [] } : compareAnswers(fromMonolith, fromFunction, ctx.ignoreFor(spec));
  return {
    function: ctx.owner.get(spec.route)!,
    route: spec.route,
    request: requestLine(spec),
    monolithStatus: fromMonolith.status,
    functionStatus: 'error' in fromFunction ? 0 : fromFunction.status,
    differences: compared.differences,
    ...(compared.ignored.length > 0 ? { ignored: compared.ignored } : {}),
  };
}

/** `METHOD /path?query` of a request. */
export function requestLine(spec: RequestSpec): string {
  return `${spec.method} ${spec.path}${spec.query.length ? '?' + new URLSearchParams(spec.query).toString() : ''}`;
}
