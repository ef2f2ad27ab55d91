import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import type { HostCall, HostReply, HostRequest, LoadResult } from './function-host';
import type { LambdaResult } from './lambda-response';
import { stopChild, verifyScript } from './monolith';

/** How long a function may take to answer one request. */
export const FUNCTION_TIMEOUT_MS = 30_000;

/** The generated functions, run in a child process of their own (see function-host.ts). */
export interface FunctionRunner {
  /** Invokes function `id` (loaded from `file` on its first request) with an API Gateway event. */
  invoke(id: string, file: string, event: Record<string, unknown>): Promise<{ result: LambdaResult } | { error: string; stack?: string }>;
  /** Milliseconds each function's first load took (its handler's `require`, which builds the app), by id. */
  initTimes(): ReadonlyMap<string, number>;
  /** Module files (absolute) in the functions' module cache after each function's first load, by id. */
  loadedModules(): ReadonlyMap<string, readonly string[]>;
  /** Stops the child process. */
  close(): Promise<void>;
}

/** Options of {@link startFunctions}. */
export interface FunctionRunnerOptions {
  /** The app folder and the output folder: their modules are loaded afresh for each function. */
  roots: string[];
  /** Where the functions' stdout and stderr go. */
  output: (chunk: Buffer) => void;
  /** How long one invocation may take. @default FUNCTION_TIMEOUT_MS */
  timeoutMs?: number;
}

interface Host {
  child: ChildProcess;
  pending: Map<number, (reply: HostReply) => void>;
  loaded: Map<string, { error: string; stack?: string } | undefined>;
  exited?: string;
}

/**
 * Starts the process the functions run in: Node with tsx preloaded (handlers are TypeScript),
 * this process's environment, its output sent to `output`. A function that fails to load,
 * throws, rejects or times out gives `{ error }` for that request; one that ends the process
 * (process.exit, a crash) gives `{ error }`, and the next request starts a fresh process, as
 * Lambda starts a fresh container.
 */
export function startFunctions(options: FunctionRunnerOptions): FunctionRunner {
  const timeoutMs = options.timeoutMs ?? FUNCTION_TIMEOUT_MS;
  let host: Host | undefined;
  let seq = 0;
  const inits = new Map<string, number>();
  const modules = new Map<string, readonly string[]>();

  const send = (h: Host, request: HostCall, wait: number): Promise<HostReply> =>
    new Promise((resolve) => {
      const n = ++seq;
      const timer = setTimeout(() => settle({ seq: n, ok: false, error: `no answer within ${wait} ms` }), wait);
      const settle = (reply: HostReply): void => {
        clearTimeout(timer);
        h.pending.delete(n);
        resolve(reply);
      };
      if (h.exited) return settle({ seq: n, ok: false, error: h.exited });
      h.pending.set(n, settle);
      h.child.send({ ...request, seq: n } satisfies HostRequest);
    });

  const start = async (): Promise<Host> => {
    const execArgv = ['-r', require.resolve('tsx/cjs')];
    // As in Lambda, each bundle moves the working folder to its own (see the bundler's banner).
    const env = { ...process.env, CLEAVE_VERIFY_ROOTS: options.roots.map((r) => path.resolve(r)).join(path.delimiter), CLEAVE_BUNDLE_CWD: '1' };
    const child = fork(verifyScript('function-host'), [], { execArgv, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    child.stdout?.on('data', options.output);
    child.stderr?.on('data', options.output);
    const h: Host = { child, pending: new Map(), loaded: new Map() };
    const ready = new Promise<HostReply>((resolve) => h.pending.set(0, resolve));
    child.on('message', (reply: HostReply) => h.pending.get(reply.seq)?.(reply));
    const end = (why: string): void => {
      h.exited ??= why;
      for (const settle of [...h.pending.values()]) settle({ seq: -1, ok: false, error: h.exited });
    };
    child.on('exit', (code, signal) => end(`the functions' process ended (${code ?? signal}) while answering`));
    child.on('error', (error) => end(`the functions' process failed: ${error.message}`));
    const first = await ready;
    if (!first.ok) throw new Error(`the functions' process did not start: ${first.error}`);
    return h;
  };

  return {
    async invoke(id, file, event) {
      if (!host || host.exited) host = await start();
      const h = host;
      if (!h.loaded.has(id)) {
        const reply = await send(h, { kind: 'load', id, file }, timeoutMs);
        h.loaded.set(id, reply.ok ? undefined : { error: `function failed to load: ${reply.error}`, ...(reply.stack ? { stack: reply.stack } : {}) });
        if (reply.ok && !inits.has(id)) {
          inits.set(id, (reply.result as LoadResult).initMs);
          modules.set(id, (reply.result as LoadResult).modules);
        }
      }
      const loadError = h.loaded.get(id);
      if (loadError) return loadError;
      const reply = await send(h, { kind: 'invoke', id, event, timeoutMs }, timeoutMs);
      return reply.ok
        ? { result: (reply.result ?? {}) as LambdaResult }
        : { error: `function failed: ${reply.error}`, ...(reply.stack ? { stack: reply.stack } : {}) };
    },
    initTimes() {
      return inits;
    },
    loadedModules() {
      return modules;
    },
    async close() {
      if (host && !host.exited) await stopChild(host.child);
      host = undefined;
    },
  };
}
