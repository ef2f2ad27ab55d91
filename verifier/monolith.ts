import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The monolith, running in a child process on a loopback port. */
export interface RunningMonolith {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Module files (absolute) loaded when it first listened: what its entry loads at boot (CommonJS and tsx; not native ES modules). */
  bootModules: string[];
  /** Stops the child process. */
  close(): Promise<void>;
}

/** Options of {@link startMonolith}. */
export interface MonolithOptions {
  /** How long to wait for the first `listen`. @default 30000 */
  timeoutMs?: number;
  /** Where the monolith's stdout and stderr go. @default process.stderr */
  output?: (chunk: Buffer) => void;
}

/**
 * Starts the monolith from its entry in a child process, the way `node <entry>` would, except
 * that every `listen` binds 127.0.0.1 on a free port (see listen-preload). Its own process gives
 * it its own in-memory state, seeded like the functions' state, so both sides see the same
 * requests in the same order. TypeScript entries run through tsx (decorated files through
 * TypeScript, for their metadata: see decorator-preload). Its output goes to
 * `options.output` (stderr by default). It gets this process's environment, as the functions do.
 */
export async function startMonolith(appDir: string, entry: string, options: MonolithOptions = {}): Promise<RunningMonolith> {
  const { timeoutMs = 30_000, output = (chunk: Buffer) => void process.stderr.write(chunk) } = options;
  const file = path.resolve(appDir, entry);
  const preload = verifyScript('listen-preload');
  const execArgv = ['-r', require.resolve('tsx/cjs'), '-r', verifyScript('decorator-preload'), '-r', preload];
  // The same environment as the functions, which run in this process (the port is chosen by the preload).
  const child = fork(file, [], { cwd: appDir, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: process.env });
  child.stdout?.on('data', output);
  child.stderr?.on('data', output);
  const booted = await new Promise<{ port: number; modules: string[] }>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      // Never leave it running: a monolith that does not listen is stopped, then verify fails.
      timedOut = true;
      void stopChild(child);
    }, timeoutMs);
    child.on('message', (message: { cleaveVerifyPort?: number; cleaveVerifyModules?: string[] }) => {
      if (typeof message?.cleaveVerifyPort === 'number') {
        clearTimeout(timer);
        resolve({ port: message.cleaveVerifyPort, modules: message.cleaveVerifyModules ?? [] });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(timedOut ? `${entry} did not listen within ${timeoutMs} ms` : `${entry} exited (${code ?? signal}) before it listened`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${booted.port}`, bootModules: booted.modules, close: () => stopChild(child) };
}

/** A script of this folder: compiled (`<name>.js`, in dist) or its TypeScript source (tests run the sources). */
export function verifyScript(name: string): string {
  const js = path.join(__dirname, `${name}.js`);
  return fs.existsSync(js) ? js : path.join(__dirname, `${name}.ts`);
}

/** Stops a child process: SIGTERM, then SIGKILL after 3 s; resolves once it has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
