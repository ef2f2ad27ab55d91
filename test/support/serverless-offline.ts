import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './verify-run';

/** serverless-offline serving a generated serverless.yml on 127.0.0.1. */
export interface RunningOffline {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Stops its process group (Serverless and anything it started) and removes its folder; resolves once it has exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `serverless offline start` (Serverless Framework 3 with serverless-offline 13, both from
 * the repository's node_modules) on what a deployment of `outDir` ships: its serverless.yml (plus
 * the plugin) and its bundles in dist/, copied to a fresh folder under the system's temporary
 * directory, so nothing outside dist/ is reachable, as on Lambda, and the path has no dot-folder
 * in it (`send` answers 404 for files under one). Bound to 127.0.0.1 on free ports, handlers in
 * worker threads (the plugin's default). Telemetry and notifications are off; AWS credentials
 * are dummies (nothing reaches AWS). Resolves once it prints `Server ready`; rejects (after
 * stopping it) if it exits or takes longer than `timeoutMs`.
 */
/**
 * serverless.yml without the `NAME: ${env:NAME, null}` entries whose NAME the shell does not
 * set: a deployment strips those null values (Serverless Framework 3 removes null environment
 * variables), while serverless-offline hands the function the string "null".
 */
function withoutUnsetEnv(yml: string): string {
  return yml
    .split('\n')
    .filter((line) => {
      const entry = /^\s+([A-Za-z_][A-Za-z0-9_]*): \$\{env:\1, null\}$/.exec(line);
      return !entry || process.env[entry[1]!] !== undefined;
    })
    .join('\n');
}

export async function startOffline(outDir: string, timeoutMs = 60_000): Promise<RunningOffline> {
  const service = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-offline-'));
  fs.cpSync(path.join(outDir, 'dist'), path.join(service, 'dist'), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(service, 'node_modules'), 'dir');
  const config = 'serverless.yml';
  fs.writeFileSync(
    path.join(service, config),
    `${withoutUnsetEnv(fs.readFileSync(path.join(outDir, 'serverless.yml'), 'utf8'))}\nplugins:\n  - serverless-offline\n`,
  );
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  const bin = path.join(REPO, 'node_modules', 'serverless', 'bin', 'serverless.js');
  const args = [
    bin,
    'offline',
    'start',
    '--config',
    config,
    '--host',
    '127.0.0.1',
    '--httpPort',
    String(httpPort),
    '--lambdaPort',
    String(lambdaPort),
    '--noSponsor',
  ];
  const env = {
    ...process.env,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    SLS_DEPRECATION_DISABLE: '*',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'cleave-verify-dummy',
    AWS_REGION: 'us-east-1',
  };
  // Its own process group, so stop() reaches whatever Serverless starts, by the group's id.
  const child = spawn(process.execPath, args, { cwd: service, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  const stop = async (): Promise<void> => {
    await stopGroup(child);
    fs.rmSync(service, { recursive: true, force: true });
  };
  const running: RunningOffline = { baseUrl: `http://127.0.0.1:${httpPort}`, output: () => printed, stop };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serverless offline was not ready within ${timeoutMs} ms:\n${printed}`)), timeoutMs);
      const poll = setInterval(() => {
        if (!printed.includes('Server ready')) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }, 100);
      child.once('exit', (code, signal) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`serverless offline exited (${code ?? signal}) before it was ready:\n${printed}`));
      });
    });
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal);
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      kill('SIGKILL'); // anything of the group still running
      resolve();
    });
    kill('SIGTERM');
  });
}
