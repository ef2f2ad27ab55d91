import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
const REPO = path.resolve(__dirname, '..', '..');

/** Top-level entries of the checkout a packed copy leaves out, beyond the git-ignored ones (node_modules, dist, ...): what only this repository uses. */
const NOT_COPIED = new Set(['.git', 'samples', 'test', 'bench']);

/** Whether a top-level entry of the checkout is ignored by its .gitignore (`coverage/`, `.cleave-verify-*\/`): a fresh clone has none. */
function gitIgnored(entry: string): boolean {
  const patterns = fs
    .readFileSync(path.join(REPO, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/\/$/, ''))
    .filter((l) => l && !l.startsWith('#'));
  return patterns.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(entry));
}

/** Flags of every npm call: the cache `npm ci` filled first, no audit or funding requests. */
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/**
 * This process's environment without what `npm test` adds for its own package (`npm_package_*`,
 * `npm_lifecycle_*`, its prefixes): the npm and cleave runs below must see only the user's npm
 * settings (cache, registry, proxies), as in a shell outside this repository.
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|execpath$|config_(prefix|local_prefix|global_prefix|call)$)/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command to its end (at most `timeoutMs`); throws with its output when it fails. */
export function run(command: string, args: string[], cwd: string, timeoutMs = 180_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited ${result.status ?? result.signal}: ${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** What `npm pack --json` says of the tarball. */
export interface PackedTarball {
  /** Absolute path of the .tgz. */
  file: string;
  /** Package name. */
  name: string;
  /** Package version. */
  version: string;
  /** Paths inside the package, as npm lists them. */
  files: string[];
}

/**
 * Packs the checkout as a fresh clone would be packed: its sources are copied to `<tmp>/checkout`
 * without dist/ (so the tarball's dist/ is what `prepack` built) and with this repository's
 * node_modules linked for the build tools only; the checkout's own dist/ is never touched.
 */
export function packCheckout(tmp: string): PackedTarball {
  const copy = path.join(tmp, 'checkout');
  for (const entry of fs.readdirSync(REPO)) {
    if (!NOT_COPIED.has(entry) && !gitIgnored(entry)) fs.cpSync(path.join(REPO, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const out = run('npm', ['pack', '--json', '--pack-destination', tmp, ...NPM_FLAGS], copy);
  const [packed] = JSON.parse(out.stdout.slice(out.stdout.indexOf('['))) as Array<{
    filename: string;
    name: string;
    version: string;
    files: Array<{ path: string }>;
  }>;
  if (!packed) throw new Error(`npm pack printed no tarball: ${out.stdout}`);
  return { file: path.join(tmp, packed.filename), name: packed.name, version: packed.version, files: packed.files.map((f) => f.path).sort() };
}

/** Installs a tarball globally into `prefix`, as `npm install -g` would; returns the path of its `cleave` command. */
export function installGlobally(tarball: string, prefix: string): string {
  run('npm', ['install', '-g', '--prefix', prefix, ...NPM_FLAGS, tarball], path.dirname(tarball));
  return path.join(prefix, 'bin', 'cleave');
}

/**
 * Copies `samples/<name>` (without node_modules) to `to`, a standalone app, and starts its own
 * `npm install`; resolves to `to` once it succeeded. Its output goes to a file, so the install
 * goes on while this process is blocked in the synchronous steps of the pack.
 */
export function standaloneSample(name: string, to: string): Promise<string> {
  const from = path.join(REPO, 'samples', name);
  fs.cpSync(from, to, { recursive: true, filter: (source) => !path.relative(from, source).split(path.sep).includes('node_modules') });
  const log = `${to}.npm-install.log`;
  const fd = fs.openSync(log, 'w');
  const child = spawn('npm', ['install', ...NPM_FLAGS], { cwd: to, env: userEnv(), stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(to) : reject(new Error(`npm install in ${to} exited ${code ?? signal}:\n${fs.readFileSync(log, 'utf8')}`)),
    );
  });
}

/** Files under `dir` whose text contains `needle` (paths relative to `dir`). */
export function filesMentioning(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file, 'latin1').includes(needle)) hits.push(path.relative(dir, file));
  }
  return hits.sort();
}
