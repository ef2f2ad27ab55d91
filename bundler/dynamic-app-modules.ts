import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

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
const FOLDER_LITERAL = /(?:join|resolve)\(\s*__dirname((?:\s*,\s*(?:'[^']*'|"[^"]*"))+)\s*\)|__dirname\s*\+\s*(['"])\/([^'"]+)\2/g;
/** The module's own folder listed: sequelize's `models/index.js` (`readdirSync(__dirname)`, then `require(path.join(__dirname, file))`). */
const OWN_FOLDER = /readdirSync\(\s*__dirname\s*[,)]/;
/** The folder before the first wildcard of a literal glob pattern (`glob.sync('./routes/*.js', { cwd: __dirname })`). */
const GLOB_FOLDER = /\b(?:sync|globSync)\(\s*(['"`])(?:\.\/)?([\w@.-]+(?:\/[\w@.-]+)*)\/[^'"`]*[*?{[][^'"`]*\1/g;

/**
 * The app code files of the folders named next to `__dirname` (`join(__dirname, 'app/models')`, `join(__dirname, '..', 'controllers')`,
 * `__dirname + '/routes'`), its own folder (`readdirSync(__dirname)`), or the folder of a literal
 * glob pattern (`glob.sync('./routes/*.js', { cwd: __dirname })`), in each app file of `requirers` (files whose bundled code requires a
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
    const dir = path.posix.dirname(file);
    if (OWN_FOLDER.test(text)) for (const code of codeFiles(appDir, dir)) modules.add(code);
    for (const m of text.matchAll(GLOB_FOLDER)) {
      const folder = path.posix.normalize(path.posix.join(dir, m[2]!));
      if (!folder.startsWith('..')) for (const code of codeFiles(appDir, folder)) modules.add(code);
    }
    for (const m of text.matchAll(FOLDER_LITERAL)) {
      const parts = m[1] !== undefined ? [...m[1].matchAll(/'([^']*)'|"([^"]*)"/g)].map((p) => p[1] ?? p[2]!) : [m[3]!];
      const folder = path.posix.normalize(path.posix.join(dir, ...parts));
      if (folder.startsWith('..')) continue;
      for (const code of codeFiles(appDir, folder)) modules.add(code);
    }
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
        return { contents: `require(${JSON.stringify(REGISTRY)});\n${text}`, loader: /\.tsx?$/.test(args.path) ? 'ts' : 'js', resolveDir: path.dirname(args.path) };
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
