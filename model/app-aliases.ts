/**
 * Where an app's non-relative imports of its own files lead when no tsconfig says it: module-alias's
 * `_moduleAliases` in package.json (`require('module-alias/register')`, then `require('@models/user')`),
 * and the `NODE_PATH` its start script sets (`NODE_PATH=src node server.js`, then `require('config/db')`).
 */
export interface AppAliases {
  /** Alias to the app-relative file or folder it stands for (`@models` → `app/models`, `@root` → `.`), sorted by alias. */
  aliases: Record<string, string>;
  /** App-relative folders bare specifiers are looked up in after node_modules (`NODE_PATH`), in order. */
  nodePaths: string[];
}

/** The scripts that start the app, where `NODE_PATH=...` is set. */
const START_SCRIPTS = ['start', 'dev', 'serve', 'server'];

/** `NODE_PATH=src`, `cross-env NODE_PATH=./src`, `NODE_PATH=.:lib`. */
const NODE_PATH = /\bNODE_PATH=(['"]?)([^\s'"&|;]+)\1/;

/** The aliases of `packageJson` (parsed package.json, any shape). Pure. */
export function appAliasesOf(packageJson: unknown): AppAliases {
  const pkg = packageJson && typeof packageJson === 'object' ? (packageJson as Record<string, unknown>) : {};
  const declared = pkg._moduleAliases && typeof pkg._moduleAliases === 'object' ? (pkg._moduleAliases as Record<string, unknown>) : {};
  const aliases: Record<string, string> = {};
  for (const name of Object.keys(declared).sort()) {
    const target = declared[name];
    if (typeof target === 'string' && name !== '' && !name.startsWith('.') && inApp(target)) aliases[name] = clean(target);
  }
  const scripts = pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, unknown>) : {};
  const setting = START_SCRIPTS.map((s) => scripts[s]).find((s): s is string => typeof s === 'string' && NODE_PATH.test(s));
  const nodePaths = setting
    ? NODE_PATH.exec(setting)![2]!
        .split(/[:;]/)
        .filter((p) => p !== '' && inApp(p))
        .map(clean)
    : [];
  return { aliases, nodePaths };
}

/** Whether an app-relative path stays inside the app (no absolute path, no `..` out of it). */
function inApp(target: string): boolean {
  return !target.startsWith('/') && !/^[A-Za-z]:/.test(target) && !clean(target).split('/').includes('..');
}

/** `./app/models/` → `app/models`; `.` and `./` → `.`. */
function clean(target: string): string {
  const parts = target.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}
