import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageOf } from './package-of';

/** A package a bundle cannot hold, with the call that shows why. */
export interface DynamicRequire {
  /** Package name. */
  name: string;
  /** The installed instance's folder (absolute): another version of the package may be bundled. */
  dir: string;
  /** The first such call, as bundled, and the file it is in (`require(driver + "/connection") in mongoose/lib/index.js`). */
  reason: string;
}

/** A `require(...)` call (not a method named require) whose argument is not a string literal. */
const DYNAMIC_REQUIRE = /(?<![\w$)\]]\.|[\w$])require(?:\.resolve)?\((?!\s*["'`][^"'`+$]*["'`]\s*\))[^)\n]{0,60}\)?/g;

/**
 * Code that finds files from its own module object (`require('pkginfo')(module, 'version')`
 * walks up from `module.filename` to a package.json): in a bundle that object has no file.
 */
const OWN_MODULE = /\)\(\s*module\d*\s*[,)]|(?<![\w$.])module\d*\.(?:filename|paths)\b/g;

/**
 * Code that finds its files from its own place (`path.resolve(__dirname)` in swagger-ui-dist,
 * whose folder swagger-ui-express serves; templates beside a mailer's code): in a bundle every
 * module's `__dirname` is the bundle's folder, so it would find none of its files, or serve the
 * function's own code in their place.
 */
const OWN_PLACE = /(?<![\w$.])__(?:dirname|filename)\b/g;

/**
 * Bundled files whose computed `require` only ever names another package, never one of their
 * own files: Express's view.js loads the view engine (`require(mod).__express`, `mod` being
 * `ejs` or `pug`). Bundled, that call finds the engine in a `node_modules` shipped beside the
 * bundle (see `rendersViews`), so Express itself need not be shipped installed.
 */
const LOADS_PACKAGES_BY_NAME = /(^|\/)node_modules\/express\/lib\/view\.js$/;

/** Whether a bundle holds Express's view.js, which requires the app's view engine by name when it renders. */
export function rendersViews(bundleText: string): boolean {
  for (const m of bundleText.matchAll(MODULE_COMMENT)) if (LOADS_PACKAGES_BY_NAME.test(m[1]!)) return true;
  return false;
}

/** The module comment esbuild writes before each input in an unminified bundle. */
const MODULE_COMMENT = /^\/\/ (\S+)$/gm;

/**
 * The packages whose bundled code loads a module whose name only run time knows
 * (`require(driver + '/connection')`, `require(__dirname + '/../package.json')`, `require(mod)`):
 * in a bundle that call finds nothing, so such packages must run from a `node_modules` shipped
 * beside the bundle; so must those finding files from their own module object (pkginfo) or
 * their own place (`__dirname`, see `OWN_PLACE`). Read
 * from esbuild's unminified output. Sorted by name.
 */
export function dynamicRequirePackages(bundleText: string, workingDir: string): DynamicRequire[] {
  const found = new Map<string, DynamicRequire>();
  const sites = [
    ...dynamicRequireSites(bundleText).map((s) => ({ file: s.file, why: s.call })),
    ...dynamicRequireSites(bundleText, OWN_MODULE).map((s) => ({ file: s.file, why: ownModuleUse(s.call) })),
    ...dynamicRequireSites(bundleText, OWN_PLACE).map((s) => ({ file: s.file, why: `finds its files from ${s.call}` })),
  ];
  for (const { file, why } of sites) {
    const name = packageOf(file);
    if (!name || LOADS_PACKAGES_BY_NAME.test(file)) continue;
    const at = file.lastIndexOf('node_modules/') + 'node_modules/'.length;
    const dir = path.resolve(workingDir, file.slice(0, at + name.length));
    if (!found.has(dir)) found.set(dir, { name, dir, reason: `${why} in ${file.slice(at)}` });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir));
}

/** What a module-object site does, in words: the bundled text (`)(module2,`) alone says nothing to a reader. */
function ownModuleUse(call: string): string {
  if (/\.(filename|paths)\b/.test(call)) return `reads module.${call.includes('paths') ? 'paths' : 'filename'} to find its files`;
  return 'hands its module object to a call (pkginfo-style, walking up to a package.json)';
}

/**
 * The input files (as esbuild names them) whose computed require with a literal head
 * (`require('./' + file)`, `` require(`./${file}`) ``) esbuild turned into a table of every file
 * the head can name (its `// require("./**\/*") in ../routes/index.js` comment): the requires
 * work, but a loop reading that folder (`readdirSync(__dirname)`) needs its listing beside the bundle.
 */
export function globRequireSites(bundleText: string): string[] {
  return [...new Set([...bundleText.matchAll(GLOB_COMMENT)].map((m) => m[1]!))].sort();
}

/** The comment esbuild writes before the table of a computed require with a literal head. */
const GLOB_COMMENT = /^\/\/ require\("[^"\n]*"\) in (\S+)$/gm;

/** Every computed `require()` of an unminified esbuild bundle, with the input file (as esbuild names it) it is in. */
export function dynamicRequireSites(bundleText: string, pattern: RegExp = DYNAMIC_REQUIRE): Array<{ file: string; call: string }> {
  const starts = [...bundleText.matchAll(MODULE_COMMENT)].map((m) => ({ at: m.index, file: m[1]! }));
  const out: Array<{ file: string; call: string }> = [];
  let module = 0;
  for (const call of bundleText.matchAll(pattern)) {
    while (module + 1 < starts.length && starts[module + 1]!.at < call.index) module++;
    const start = starts[module];
    if (start && start.at < call.index) out.push({ file: start.file, call: call[0] });
  }
  return out;
}

/** One installed package to copy into the shipped `node_modules`. */
export interface ShippedPackage {
  /** Its folder on this machine. */
  from: string;
  /** Where it goes, relative to the bundle's folder (`node_modules/mongoose`, `node_modules/a/node_modules/b`). */
  to: string;
}

/**
 * The installed package folders `packages` (absolute) need at run time (themselves, their
 * dependencies, optional and peer dependencies (those `peerDependenciesMeta` names too) that are installed, transitively, found the way
 * Node finds them), laid out as npm would: each at the top of `node_modules` unless another
 * version holds that place, then under the package that needs it. One place per folder.
 */
export function packageClosure(packages: ReadonlyArray<{ name: string; dir: string }>): ShippedPackage[] {
  const top = new Map<string, string>();
  const placedAt = new Map<string, string>();
  const out: ShippedPackage[] = [];
  const visit = (name: string, dir: string, parent: string): void => {
    const real = fs.realpathSync(dir);
    if (placedAt.has(real)) return;
    const holder = top.get(name);
    const to = holder === undefined ? `node_modules/${name}` : `${parent}/node_modules/${name}`;
    if (holder === undefined) top.set(name, real);
    placedAt.set(real, to);
    out.push({ from: real, to });
    for (const dep of dependenciesOf(real)) {
      const found = findPackageDir(real, dep); // as Node does: from where the package really is
      if (found) visit(dep, found, to);
    }
  };
  for (const p of [...packages].sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir))) visit(p.name, p.dir, '');
  return out.sort((a, b) => a.to.localeCompare(b.to));
}

/** The folder of package `name` as Node finds it from `fromDir` (walking up the `node_modules` folders). */
export function findPackageDir(fromDir: string, name: string): string | undefined {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function dependenciesOf(dir: string): string[] {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    // `peerDependenciesMeta` alone names the drivers a package loads by a name from its settings
    // (sequelize's `pg`, `mysql2`, `sqlite3`): those the app installed are shipped with it.
    const names = ['dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta'].flatMap((k) =>
      pkg[k] && typeof pkg[k] === 'object' ? Object.keys(pkg[k] as object) : [],
    );
    return [...new Set(names)].sort();
  } catch {
    return [];
  }
}

/** Every file of a package folder, relative to it, without its own `node_modules` (shipped as packages of their own). */
export function packageFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!(prefix === '' && entry.name === 'node_modules')) for (const file of packageFiles(dir, rel)) out.push(file);
    } else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
  }
  return out.sort();
}
