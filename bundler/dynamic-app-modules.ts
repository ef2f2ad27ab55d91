import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';
import { computedRequireFolders } from '../model/computed-require-folders';

/** The app's modules a bundle may `require` by a computed path, found beside the app file that does it. */
export interface DynamicAppModules {
  /** App files (relative to the app folder) whose code requires a computed path, sorted. */
  requirers: string[];
  /** Code files (relative to the app folder) of the folders those files name, sorted. */
  modules: string[];
  /** Code files of those folders the bundle leaves out, since its handler never loads them (see `BundleEntry.servedElsewhere`), sorted. */
  elsewhere: string[];
}

const CODE_FILE = /\.(c?js|ts)$/;
/**
 * The app code files of the folders each app file of `requirers` names (see
 * `computedRequireFolders`: beside `__dirname`, its own folder listed, a literal glob pattern's folder; files whose bundled code requires a
 * computed path, such as `readdirSync(models).forEach((f) => require(join(models, f)))`): the
 * modules such a loop may load, which the bundle must carry, but for those `servedElsewhere`.
 * Declarations and tests are left out.
 */
export function dynamicAppModules(appDir: string, requirers: readonly string[], servedElsewhere: readonly string[] = []): DynamicAppModules {
  const modules = new Set<string>();
  for (const file of requirers) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(appDir, file), 'utf8');
    } catch {
      continue;
    }
    for (const folder of computedRequireFolders(file, text)) for (const code of codeFiles(appDir, folder)) modules.add(code);
  }
  const skip = new Set(servedElsewhere);
  const all = [...modules].sort();
  return { requirers: [...requirers].sort(), modules: all.filter((m) => !skip.has(m)), elsewhere: all.filter((m) => skip.has(m)) };
}

function codeFiles(appDir: string, folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(appDir, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = folder === '.' ? e.name : `${folder}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : codeFiles(appDir, rel);
    return e.isFile() && CODE_FILE.test(e.name) && !/\.(d|test|spec)\.[jt]s$/.test(e.name) ? [rel] : [];
  });
}

/** The virtual module the entry loads first when the bundle carries dynamic app modules. */
const REGISTRY = 'cleave:dynamic-app-modules';

/**
 * Makes the bundle answer `require('<its folder>/app/models/article.js')` (the path a computed
 * require builds in a bundle, where `__dirname` of an app file is its place beside the bundle)
 * with the bundled module: a registry of `modules` that the entry `entryFile` loads first, and a
 * hook on `Module.prototype.require` that looks paths under the bundle's folder up in it.
 */
export function dynamicAppModulesPlugin(appDir: string, entryFile: string, modules: readonly string[], rootVar: string): Plugin {
  return {
    name: 'cleave-dynamic-app-modules',
    setup(builder) {
      builder.onResolve({ filter: /^cleave:dynamic-app-modules$/ }, () => ({ path: REGISTRY, namespace: 'cleave' }));
      builder.onLoad({ filter: /.*/, namespace: 'cleave' }, () => ({
        resolveDir: appDir,
        loader: 'js',
        contents: registrySource(appDir, modules, rootVar),
      }));
      builder.onLoad({ filter: /.*/ }, async (args) => {
        if (args.path !== entryFile) return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        return {
          contents: `require(${JSON.stringify(REGISTRY)});\n${text}`,
          loader: /\.tsx?$/.test(args.path) ? 'ts' : 'js',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

function registrySource(appDir: string, modules: readonly string[], rootVar: string): string {
  const entries = modules.map((m) => `  ${JSON.stringify(m)}: () => require(${JSON.stringify(path.join(appDir, m))}),`);
  return [
    "const path = require('path');",
    "const Module = require('module');",
    'const modules = {',
    ...entries,
    '};',
    'const original = Module.prototype.require;',
    'Module.prototype.require = function (id) {',
    `  if (typeof id === 'string' && path.isAbsolute(id) && id.startsWith(${rootVar} + path.sep)) {`,
    `    const rel = path.relative(${rootVar}, id).split(path.sep).join('/');`,
    "    for (const key of [rel, rel + '.js', rel + '.ts', rel + '/index.js', rel + '/index.ts', rel.replace(/\\.js$/, '.ts')]) if (modules[key]) return modules[key]();",
    '  }',
    '  return original.apply(this, arguments);',
    '};',
    '',
  ].join('\n');
}
