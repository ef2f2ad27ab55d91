import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

/** The monolith, running in this process on a loopback port. */
export interface RunningMonolith {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Closes the servers it opened. */
  close(): Promise<void>;
}

type Listen = typeof net.Server.prototype.listen;

/**
 * Starts the monolith from its entry in this process, the way `node <entry>` would, except that
 * every `listen` binds 127.0.0.1 on a free port (never a public one). TypeScript entries run
 * through tsx. When the entry only exports an app, verify serves that app itself.
 */
export async function startMonolith(appDir: string, entry: string, timeoutMs = 15_000): Promise<RunningMonolith> {
  const servers: net.Server[] = [];
  const original: Listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    servers.push(this);
    const callback = args.find((a): a is () => void => typeof a === 'function');
    return (original as (...a: unknown[]) => net.Server).call(this, 0, '127.0.0.1', callback);
  } as Listen;
  const file = path.resolve(appDir, entry);
  process.chdir(appDir);
  let exported: unknown;
  try {
    if (/\.[cm]?tsx?$/.test(file)) (require('tsx/cjs/api') as { register(): void }).register();
    exported = require(file);
    if (exported && typeof (exported as Promise<unknown>).then === 'function') exported = await exported;
    await waitFor(() => servers.some((s) => s.listening), timeoutMs);
  } finally {
    net.Server.prototype.listen = original;
  }
  let server = servers.find((s) => s.listening);
  if (!server) {
    const app = pickApp(exported);
    if (!app) throw new Error(`${entry} neither listened nor exported an express app within ${timeoutMs} ms`);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  const address = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await Promise.all(servers.filter((s) => s.listening).map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

function pickApp(exported: unknown): http.RequestListener | undefined {
  const isApp = (v: unknown): v is http.RequestListener => typeof v === 'function' && typeof (v as { handle?: unknown }).handle === 'function';
  const candidates = [exported, (exported as { default?: unknown })?.default, (exported as { app?: unknown })?.app];
  return candidates.find(isApp);
}

async function waitFor(ready: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!ready() && Date.now() - start < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 25));
}
