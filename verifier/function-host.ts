/**
 * The process the generated functions run in during `cleave verify` (started by
 * function-process.ts with tsx preloaded, so handler.ts files load as they are). It loads each
 * handler when asked and invokes it with the API Gateway events it receives over IPC.
 *
 * Each handler gets its own copy of the app's modules, as each Lambda function gets its own
 * container: the modules of the app and the output folder are dropped from the module cache
 * before each load, so every function starts from the app's seeded state, keeps its own
 * in-memory state, and can load the entry again (a handler that captures the app from its entry
 * needs a fresh load). Packages under node_modules are loaded once and shared.
 */
import * as path from 'node:path';

/** What verify asks: load a handler, or invoke a loaded one with an event. */
export type HostCall = { kind: 'load'; id: string; file: string } | { kind: 'invoke'; id: string; event: Record<string, unknown>; timeoutMs: number };

/** A message from verify: a call, numbered. */
export type HostRequest = HostCall & { seq: number };

/** What a `load` answers: how long the handler's `require` took (it builds the app), in ms. */
export interface LoadResult {
  /** Milliseconds of the `require`. */
  initMs: number;
  /** Module files (absolute) in the module cache after it: the handler's, and the unbundled app modules it loaded. */
  modules: string[];
}

/** The answer to a {@link HostRequest} with the same `seq`. */
export type HostReply = { seq: number; ok: true; result?: unknown } | { seq: number; ok: false; error: string; stack?: string };

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const roots = (process.env.CLEAVE_VERIFY_ROOTS ?? '').split(path.delimiter).filter(Boolean);
const handlers = new Map<string, Handler>();

function forgetAppModules(): void {
  for (const file of Object.keys(require.cache)) {
    if (file.split(path.sep).includes('node_modules')) continue;
    if (roots.some((root) => file === root || file.startsWith(root + path.sep))) delete require.cache[file];
  }
}

async function answer(request: HostRequest): Promise<unknown> {
  if (request.kind === 'load') {
    forgetAppModules();
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle, loaded by path as Lambda loads it
    const mod = require(request.file) as { handler?: unknown };
    const initMs = performance.now() - started;
    if (typeof mod.handler !== 'function') throw new Error(`${request.file} exports no handler function`);
    handlers.set(request.id, mod.handler as Handler);
    return { initMs, modules: Object.keys(require.cache) } satisfies LoadResult;
  }
  const handler = handlers.get(request.id);
  if (!handler) throw new Error(`function ${request.id} is not loaded`);
  const context = {
    functionName: request.id,
    awsRequestId: 'cleave-verify',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => request.timeoutMs,
  };
  return (await handler(request.event, context)) ?? {};
}

process.on('message', (request: HostRequest) => {
  answer(request).then(
    (result) => process.send?.({ seq: request.seq, ok: true, result } satisfies HostReply),
    (error: unknown) =>
      process.send?.({
        seq: request.seq,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      } satisfies HostReply),
  );
});

// A rejection nobody awaits (a handler's background work) must not end the host; say it.
process.on('unhandledRejection', (reason) => process.stderr.write(`cleave verify: unhandled rejection in a function: ${String(reason)}\n`));
// The host lives only as long as the verify run that started it.
process.on('disconnect', () => process.exit(0));
process.send?.({ seq: 0, ok: true } satisfies HostReply);
