import { spawn } from 'node:child_process';
import { stopChild } from '../../verifier/monolith';

/** An app module served on a loopback port by a process of its own. */
export interface ServedApp {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Stops the process. */
  close(): Promise<void>;
}

/**
 * Requires `entry` (absolute; a module that exports its Express app and listens only when it is
 * the main module) in a child process with exactly `env`, and has the exported app listen on a
 * free port of 127.0.0.1. Unlike `startMonolith` (which hands the app this process's whole
 * environment), the caller chooses the environment, so the monolith can run with the one a
 * function gets.
 */
export function serveExportedApp(entry: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServedApp> {
  const script = `const app = require(${JSON.stringify(entry)});
    const server = app.listen(0, '127.0.0.1', () => process.stdout.write('\\n@@port@@' + server.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['-e', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child).then(() => reject(new Error(`${entry} ${why}:\n${output}`)));
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it listened`));
    child.stdout.on('data', () => {
      const port = /@@port@@(\d+)/.exec(output)?.[1];
      if (settled || !port) return;
      settled = true;
      clearTimeout(timer);
      resolve({ baseUrl: `http://127.0.0.1:${port}`, output: () => output, close: () => stopChild(child) });
    });
  });
}
