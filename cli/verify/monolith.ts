import { type ChildProcess, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The monolith, running in a child process on a loopback port. */
export interface RunningMonolith {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Stops the child process. */
  close(): Promise<void>;
}

/**
 * Starts the monolith from its entry in a child process, the way `node <entry>` would, except
 * that every `listen` binds 127.0.0.1 on a free port (see listen-preload). Its own process gives
 * it its own in-memory state, seeded like the functions' state, so both sides see the same
 * requests in the same order. TypeScript entries run through tsx. Its output goes to stderr.
 */
export async function startMonolith(appDir: string, entry: string, timeoutMs = 30_000): Promise<RunningMonolith> {
  const file = path.resolve(appDir, entry);
  const preload = preloadFile();
  const execArgv = ['-r', require.resolve('tsx/cjs'), '-r', preload];
  const child = fork(file, [], { cwd: appDir, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, PORT: '0' } });
  child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not listen within ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message: { cleaveVerifyPort?: number }) => {
      if (typeof message?.cleaveVerifyPort === 'number') {
        clearTimeout(timer);
        resolve(message.cleaveVerifyPort);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before it listened`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => stop(child) };
}

/** The compiled preload beside this file (dist), or its TypeScript source (tests run through tsx). */
function preloadFile(): string {
  const js = path.join(__dirname, 'listen-preload.js');
  return fs.existsSync(js) ? js : path.join(__dirname, 'listen-preload.ts');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
