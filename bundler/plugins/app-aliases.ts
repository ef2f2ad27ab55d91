import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

const PROBE = Symbol('cleave-app-aliases-probe');

/**
 * Resolves the aliases an app declares for its own files outside tsconfig (module-alias's
 * `_moduleAliases`: `@models` → `app/models`, so `require('@models/user')` is `app/models/user.js`),
 * as the started app would. `aliases` maps each alias to an app-relative path; none, no plugin work.
 * `nodePaths` are the app-relative folders of `NODE_PATH`, tried for a bare name no node_modules
 * holds. With `bundled`, `require('module-alias/register')` loads an empty module: the bundle
 * resolved those aliases already, and at run time module-alias would look for the app's
 * package.json, which a function's package does not hold.
 */
export function appAliases(appDir: string, aliases: Readonly<Record<string, string>>, nodePaths: readonly string[] = [], bundled = false): Plugin {
  const names = Object.keys(aliases).sort((a, b) => b.length - a.length);
  return {
    name: 'cleave-app-aliases',
    setup(build) {
      if (nodePaths.length > 0) {
        // As Node does, NODE_PATH folders answer a bare name (`require('config/db')`) that no
        // node_modules above the importer holds.
        build.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.pluginData === PROBE || args.kind === 'entry-point' || installed(args.resolveDir, args.path)) return undefined;
          for (const folder of nodePaths) {
            const found = await build.resolve(path.join(appDir, folder, args.path), {
              kind: args.kind,
              resolveDir: args.resolveDir,
              importer: args.importer,
              pluginData: PROBE,
            });
            if (found.errors.length === 0 && !found.external) return { path: found.path, namespace: found.namespace };
          }
          return undefined;
        });
      }
      if (names.length === 0) return;
      if (bundled) {
        build.onResolve({ filter: /^module-alias\/register$/ }, () => ({ path: 'module-alias/register', namespace: 'cleave-app-aliases' }));
        build.onLoad({ filter: /.*/, namespace: 'cleave-app-aliases' }, () => ({
          contents: '// cleave: the aliases of package.json are resolved in the bundle\n',
          loader: 'js',
        }));
      }
      const filter = new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`);
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === PROBE) return undefined;
        const name = names.find((n) => args.path === n || args.path.startsWith(`${n}/`))!;
        const target = path.join(appDir, aliases[name]!, args.path.slice(name.length));
        const found = await build.resolve(target, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: PROBE });
        return found.errors.length > 0 ? { errors: found.errors } : { path: found.path, external: found.external, namespace: found.namespace };
      });
    },
  };
}

/** Whether a `node_modules` folder at or above `dir` holds the package a bare specifier names. */
function installed(dir: string, specifier: string): boolean {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join(path.sep) : parts[0]!;
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'node_modules', name))) return true;
    if (path.dirname(at) === at) return false;
  }
}
