import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** A PostgreSQL server this test started, in a temporary data folder, on a loopback port. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  /** Stops the server and removes its data folder. */
  stop(): void;
}

/** Where Debian's postgresql package puts the server programs (not on PATH). */
const DEBIAN_BIN = '/usr/lib/postgresql';

/**
 * The folder holding `initdb` and `pg_ctl`: on PATH, else the newest under
 * /usr/lib/postgresql/<version>/bin (Debian's postgresql package); undefined when neither has them.
 */
export function postgresBinDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  if (!fs.existsSync(DEBIAN_BIN)) return undefined;
  const versions = fs
    .readdirSync(DEBIAN_BIN)
    .filter((v) => fs.existsSync(path.join(DEBIAN_BIN, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(DEBIAN_BIN, versions[0], 'bin');
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway PostgreSQL: `initdb` into a temporary folder (trust authentication, user
 * `postgres`, no fsync), then `pg_ctl start` listening on 127.0.0.1 only, on a free port, with its
 * socket in the data folder. PostgreSQL refuses to run as root, so as root both run as the
 * `postgres` user (Debian's package creates it) through `runuser`. Throws with the server's log
 * when it does not start.
 */
export async function startPostgres(bin: string): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    fs.chownSync(dir, Number(ids), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  }
  const run = (program: string, args: string[]): string => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  const port = await freePort();
  const log = path.join(dir, 'server.log');
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -F`, 'start']);
  } catch (error) {
    const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    remove();
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`PostgreSQL did not start (${bin}): ${(error as Error).message}\n${stderr}\n${serverLog}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        remove();
      }
    },
  };
}
