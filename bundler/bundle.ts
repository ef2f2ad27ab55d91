import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type BuildOptions, type Metafile, type OutputFile as EsbuildOutputFile, type Plugin } from 'esbuild';
import { BUNDLE_FILE, ES_MODULE_BUNDLE_FILE } from '../generators/layout';
import { locationReads, monolithPartOf, withModuleParent } from '../generators/slice/function-slices';
import type { BuiltBundle } from '../model/bundle-report';
import type { AppAsset } from './app-assets';
import type { OutputFile } from '../model/generated-file';
import { emptyNonCode } from './plugins/empty-non-code';
import { packageOf } from './package-of';
import { type DynamicAppModules, dynamicAppModules, dynamicAppModulesPlugin } from './dynamic-app-modules';
import { appAliases as appAliasesPlugin } from './plugins/app-aliases';
import { type DecoratorCompiler, decoratorCompiler, decoratorMetadata } from './plugins/decorator-metadata';
import { appAliasesOf } from '../model/app-aliases';
import {
  type DynamicRequire,
  dynamicRequirePackages,
  dynamicRequireSites,
  findPackageDir,
  globRequireSites,
  packageClosure,
  packageFiles,
  rendersViews,
  type ShippedPackage,
} from './shipped-packages';
import { type NativeAddonProblem, nativeAddonProblem } from './native-binaries';
import { esbuildErrors } from './esbuild-errors';
import { unexpandableRequires } from './unexpandable-requires';
import { asCommonJsText, ES_MODULE_DEFINE, ES_MODULE_DIR_VAR, ES_MODULE_WRAPPER, esModuleBanner, topLevelAwaits } from './es-module';

export { packageOf } from './package-of';

/** One entry to bundle: a generated handler, relative to the output folder. */
export interface BundleEntry {
  /** Function or schedule id. */
  id: string;
  /** A plan function or a scheduled job. */
  kind: 'function' | 'schedule';
  /** The handler source, relative to the output folder. */
  source: string;
  /** Folder of the bundle, relative to the output folder. */
  outDir: string;
  /** App modules the handler never loads though a computed require could name them (`GeneratorOutput.servedElsewhere`): not carried, listed empty. */
  servedElsewhere?: readonly string[];
}

/** What bundling gives: files to write through the one writer, sizes, and failures. */
export interface BundleResult {
  /** Bundles and the asset copies beside them, paths relative to the output folder. */
  files: OutputFile[];
  /** One per bundled entry. */
  sizes: BuiltBundle[];
  /** Entries esbuild could not bundle, with its first error. */
  failures: Array<{ id: string; message: string }>;
  /**
   * Packages that installed packages `require()` but that are not installed (optional peers such
   * as consolidate's template engines or mongodb's `mongodb-client-encryption`), left as runtime
   * `require` calls, over all entries: the requiring package and what it asked for, sorted.
   */
  leftOut: Array<{ by: string; packages: string[] }>;
  /** Per entry id: the files of the app and of the output folder (copies, handler, runtime) its bundle holds, absolute, sorted. */
  appInputs: Map<string, string[]>;
  /** Shipped packages whose native addon would not load on Lambda, with the entries that ship them, by package then problem. */
  nativeAddons: Array<NativeAddonProblem & { ids: string[] }>;
  /** The whole app bundled from the entry (of `wholeAppEntries`) carrying the most own code; absent when none was given or none bundled. */
  wholeApp?: { entry: string; bytes: number; ownBytes: number };
}

/** Where the whole-app baseline would go, were it written (it is not). */
const WHOLE_APP_DIR = 'dist/.whole-app';

/** Most builds of one bundle while finding what it cannot hold (packages to ship, app modules to carry). */
const MAX_BUNDLE_ROUNDS = 4;
/** Builds run at once: on 2 cores, 150 one-route functions bundle in 17.3 s at 4, 18.9 s at 8, 23.7 s one at a time. */
const BUNDLE_CONCURRENCY = 4;

/** One entry's bundle, or why it failed. */
type OneBundle =
  | { files: Array<{ path: string; contents: string | Uint8Array }>; size: BuiltBundle; appInputs: string[]; unloadable: NativeAddonProblem[] }
  | { failure: { id: string; message: string } };

/** `work` over `items`, at most `limit` at a time; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The esbuild options every function is bundled with (TOOLCHAIN.md). */
export const BUNDLE_OPTIONS_TEXT = '--bundle --platform=node --target=node20 --format=cjs --external:@aws-sdk/*';

/** The same options for esbuild's API. */
export const BUNDLE_OPTIONS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['@aws-sdk/*'], keepNames: true } as const;

/**
 * Bundles the generated handlers with esbuild (tree-shaken, node20, CommonJS, `@aws-sdk/*`
 * external; an ES module behind a CommonJS wrapper where a module awaits at the top level, see
 * es-module.ts). Reads the handler sources already written under `outDir`; returns the bundles for
 * the caller to write. Packages imported by generated files are resolved from the app first (so
 * a handler runs the monolith's own Express), then from the output folder, then from cleave's
 * own install (the adapter, when the app does not depend on it yet). `viewEngines`: the packages
 * the app names as its view engine, shipped beside a bundle that renders. `onBundled` hears each
 * finished bundle (for a progress bar). `wholeAppEntries` (app-relative) are bundled the same way,
 * in memory only, as the baseline of the functions' sizes (`BundleResult.wholeApp`).
 */
export async function bundleHandlers(
  outDir: string,
  appDir: string,
  entries: BundleEntry[],
  assets: readonly AppAsset[] = [],
  viewEngines: readonly string[] = [],
  onBundled: (done: number, total: number) => void = () => undefined,
  wholeAppEntries: readonly string[] = [],
): Promise<BundleResult> {
  const root = path.resolve(outDir);
  const app = path.resolve(appDir);
  const result: BundleResult = { files: [], sizes: [], failures: [], leftOut: [], appInputs: new Map(), nativeAddons: [] };
  const unloadableAddons = new Map<string, NativeAddonProblem & { ids: string[] }>();
  // Every function shipping a package ships the same installed folder: look at each once.
  const addonProblems = new Map<string, NativeAddonProblem | undefined>();
  const addonProblemOf = (p: ShippedPackage): NativeAddonProblem | undefined => {
    if (!addonProblems.has(p.from))
      addonProblems.set(p.from, nativeAddonProblem(p.from, p.to.slice(p.to.lastIndexOf('node_modules/') + 'node_modules/'.length)));
    return addonProblems.get(p.from);
  };
  const leftOut = new Map<string, Set<string>>();
  const copies = assets.map((a) => ({ path: a.path, contents: a.contents ?? fs.readFileSync(path.join(app, a.path)) }));
  const fileCache = new Map<string, Buffer>();
  const aliases = appAliasesOf(readJson(path.join(app, 'package.json')));
  const compileDecorated = decoratorCompiler(app);
  const common = (native: Map<string, DynamicRequire>) => ({
    ...BUNDLE_OPTIONS,
    external: [...BUNDLE_OPTIONS.external],
    absWorkingDir: root,
    write: false as const,
    metafile: true as const,
    logLevel: 'silent' as const,
    legalComments: 'none' as const,
    banner: { js: bannerOver('__dirname') },
    // The app's own aliases (module-alias, NODE_PATH) are resolved as the started app does.
    plugins: [
      nativeAddons(native),
      appAliasesPlugin(app, aliases.aliases, aliases.nodePaths, true),
      resolveFromApp(root, app),
      leaveOutMissingOptional(app, root, leftOut),
      keepDirname(app, root, compileDecorated),
      decoratorMetadata(compileDecorated),
      emptyNonCode,
    ],
  });
  const bundleOne = async (entry: BundleEntry, first: FirstBuild | undefined): Promise<OneBundle> => {
    // Where the app's modules await at the top level, once a CommonJS build met it: then the
    // function is bundled as an ES module (see es-module.ts).
    let awaits: string[] | undefined;
    const outfileOf = () => path.join(root, entry.outDir, awaits ? ES_MODULE_BUNDLE_FILE : BUNDLE_FILE);
    try {
      const entryFile = path.join(root, entry.source);
      const native = new Map<string, DynamicRequire>();
      const options = (shipped: readonly ShippedPackage[], dynamicModules: readonly string[] = []) => {
        const base = common(native);
        return {
          ...base,
          ...(awaits ? { format: 'esm' as const, banner: { js: esModuleBanner(bannerOver(ES_MODULE_DIR_VAR)) }, define: { ...ES_MODULE_DEFINE } } : {}),
          entryPoints: [entryFile],
          outfile: outfileOf(),
          plugins: [
            base.plugins[0]!,
            ...(dynamicModules.length > 0 ? [dynamicAppModulesPlugin(app, entryFile, dynamicModules, ROOT_VAR)] : []),
            ...(shipped.length > 0 ? [requireShipped(shipped)] : []),
            ...base.plugins.slice(1),
          ],
        };
      };
      const dynamicByDir = new Map<string, DynamicRequire>();
      const requirerSet = new Set<string>();
      let shipped: ShippedPackage[] = [];
      let appModules: DynamicAppModules = { requirers: [], modules: [], elsewhere: [] };
      // A package whose computed require matches none of its files cannot be bundled: it is
      // shipped installed, and the build tried again without it.
      const buildShipping = async (dynamicModules: readonly string[]): Promise<FirstBuild> => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await build(options(shipped, dynamicModules));
          } catch (error) {
            const sites = awaits ? undefined : topLevelAwaits(error);
            if (sites) {
              awaits = sites.map((s) => appSite(app, root, s));
              continue;
            }
            const fresh = unexpandableRequires(error, root).filter((d) => !dynamicByDir.has(d.dir));
            if (fresh.length === 0 || attempt >= MAX_BUNDLE_ROUNDS) throw error;
            for (const d of fresh) dynamicByDir.set(d.dir, d);
            shipped = packageClosure([...dynamicByDir.values()]);
          }
        }
      };
      // What a bundle cannot hold shows in the bundle itself, and shipping a package or carrying
      // app modules brings new code in: rebuild until nothing more is found (a few rounds at most).
      let built: FirstBuild = first ?? (await buildShipping([]));
      for (let round = 0; round < MAX_BUNDLE_ROUNDS; round++) {
        const raw = (built.outputFiles.find((f) => f.path === outfileOf()) ?? built.outputFiles[0]!).text;
        const text = awaits ? asCommonJsText(raw) : raw;
        const before = dynamicByDir.size + requirerSet.size;
        const engines = rendersViews(text) ? enginesFor(viewEngines, app) : [];
        for (const d of [...dynamicRequirePackages(text, root), ...native.values(), ...engines]) if (!dynamicByDir.has(d.dir)) dynamicByDir.set(d.dir, d);
        for (const file of [...dynamicRequireSites(text).map((s) => s.file), ...globRequireSites(text)]) {
          const own = packageOf(file) === undefined ? appModuleOf(app, root, path.resolve(root, file)) : undefined;
          if (own !== undefined) requirerSet.add(own);
        }
        if (dynamicByDir.size + requirerSet.size === before) break;
        shipped = packageClosure([...dynamicByDir.values()]);
        appModules = dynamicAppModules(app, [...requirerSet], entry.servedElsewhere);
        built = await buildShipping(appModules.modules);
      }
      const dynamic = [...dynamicByDir.values()].sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir));
      const output = built.outputFiles.find((f) => f.path === outfileOf()) ?? built.outputFiles[0]!;
      const file = `${entry.outDir}/${BUNDLE_FILE}`;
      const shippedFiles = shipPackages(shipped, fileCache).map((f) => ({ path: `${entry.outDir}/${f.path}`, contents: f.contents }));
      // The folders a computed require walks must list their files beside the bundle (`readdirSync(models)`); the hook answers the require from the bundle.
      // Modules served elsewhere are listed empty: the loop's turns see them, nothing loads them.
      const listed = [
        ...appModules.modules.map((m) => ({ path: `${entry.outDir}/${m}`, contents: fs.readFileSync(path.join(app, m)) })),
        ...appModules.elsewhere.map((m) => ({ path: `${entry.outDir}/${m}`, contents: Buffer.alloc(0) })),
      ];
      const files = [
        ...(awaits
          ? [
              { path: `${entry.outDir}/${ES_MODULE_BUNDLE_FILE}`, contents: output.text },
              { path: file, contents: ES_MODULE_WRAPPER },
            ]
          : [{ path: file, contents: output.text }]),
        ...copies.map((c) => ({ path: `${entry.outDir}/${c.path}`, contents: c.contents })),
        ...shippedFiles,
        ...listed,
      ];
      const external = {
        ...(dynamic.length > 0 ? { externalized: dynamic.map((d) => ({ name: d.name, reason: d.reason })) } : {}),
        ...(appModules.modules.length > 0 ? { dynamicModules: { requirers: appModules.requirers, modules: appModules.modules } } : {}),
      };
      const size: BuiltBundle = {
        id: entry.id,
        kind: entry.kind,
        file,
        bytes: output.contents.byteLength,
        ...composition(built.metafile, root, app),
        ...slicedInputs(built.metafile, root, app, entry),
        ...external,
        ...(awaits ? { esModule: { topLevelAwait: awaits } } : {}),
      };
      const appInputs = Object.keys(built.metafile.inputs)
        .filter((i) => packageOf(i) === undefined && !i.includes(':'))
        .map((i) => path.resolve(root, i))
        .sort();
      const unloadable = shipped.flatMap((p) => addonProblemOf(p) ?? []);
      return { files, size, appInputs, unloadable };
    } catch (error) {
      const first = esbuildErrors(error)[0];
      return {
        failure: { id: entry.id, message: first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}` : String(error) },
      };
    }
  };
  // esbuild builds in its own threads, but every resolve of the plugins is a round trip to this
  // process: a few builds at once keep both busy. Results are taken in entry order, so the
  // output does not depend on which build finishes first.
  const firsts = await firstBuilds(entries, root, common);
  let done = 0;
  const bundled = await inPool(entries, BUNDLE_CONCURRENCY, async (entry) => {
    const one = await bundleOne(entry, firsts.get(entry.id));
    onBundled(++done, entries.length);
    return one;
  });
  for (const one of bundled) {
    if ('failure' in one) {
      result.failures.push(one.failure);
      continue;
    }
    for (const file of one.files) result.files.push(file); // thousands when packages are shipped: never spread
    result.sizes.push(one.size);
    result.appInputs.set(one.size.id, one.appInputs);
    for (const problem of one.unloadable) {
      const key = `${problem.name}\0${problem.kind}`;
      const seen = unloadableAddons.get(key);
      if (seen) seen.ids.push(one.size.id);
      else unloadableAddons.set(key, { ...problem, ids: [one.size.id] });
    }
  }
  result.nativeAddons = [...unloadableAddons.values()].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  // The baseline is built like a function (computed requires carried, packages shipped), so the
  // shares compare like with like; only its sizes are kept.
  for (const entry of wholeAppEntries) {
    const source = path.relative(root, path.join(app, entry)).split(path.sep).join('/');
    const one = await bundleOne({ id: entry, kind: 'function', source, outDir: WHOLE_APP_DIR }, undefined);
    if ('failure' in one) continue;
    if (!result.wholeApp || one.size.ownBytes > result.wholeApp.ownBytes) result.wholeApp = { entry, bytes: one.size.bytes, ownBytes: one.size.ownBytes };
  }
  result.leftOut = [...leftOut].sort(([a], [b]) => a.localeCompare(b)).map(([by, names]) => ({ by, packages: [...names].sort() }));
  return result;
}

/**
 * Imports that resolve into a shipped package folder stay `require` calls of its place in the
 * shipped `node_modules` beside the bundle (`./node_modules/a/node_modules/b/x.js`): every
 * importer then shares the one instance Node would have given it.
 */
function requireShipped(shipped: readonly ShippedPackage[]): Plugin {
  const dirs = [...shipped].sort((a, b) => b.from.length - a.from.length);
  return {
    name: 'cleave-require-shipped',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData !== undefined) return undefined; // a probe of this or another plugin
        const found = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SHIPPED_PROBE });
        if (found.errors.length > 0 || found.external || !path.isAbsolute(found.path)) return undefined;
        const real = fs.realpathSync(found.path);
        const pkg = dirs.find((d) => real.startsWith(d.from + path.sep));
        if (!pkg) return undefined;
        return { path: `./${pkg.to}/${path.relative(pkg.from, real).split(path.sep).join('/')}`, external: true };
      });
    },
  };
}

/** One entry's first build: its bundle and the metafile of that bundle alone. */
interface FirstBuild {
  outputFiles: EsbuildOutputFile[];
  metafile: Metafile;
}

/** Entries bundled by one esbuild call: a package every handler imports is parsed once per batch, not once per function. */
const FIRST_BUILD_BATCH = 100;

/**
 * The first build of every entry, made with shared esbuild calls of up to `FIRST_BUILD_BATCH`
 * entry points each (the same options as a build of one entry before anything was found to ship),
 * by entry id. A batch that fails, or meets a native addon (which is shipped per bundle), is left
 * out: its entries build alone, each with its own errors.
 */
async function firstBuilds(
  entries: readonly BundleEntry[],
  root: string,
  common: (native: Map<string, DynamicRequire>) => BuildOptions & { metafile: true; write: false },
): Promise<Map<string, FirstBuild>> {
  const out = new Map<string, FirstBuild>();
  if (entries.length < 2) return out;
  for (let at = 0; at < entries.length; at += FIRST_BUILD_BATCH) {
    const batch = entries.slice(at, at + FIRST_BUILD_BATCH);
    const native = new Map<string, DynamicRequire>();
    let built: Awaited<ReturnType<typeof build>>;
    try {
      built = await build({
        ...common(native),
        entryPoints: batch.map((e) => ({ in: path.join(root, e.source), out: path.join(e.outDir, BUNDLE_FILE.replace(/\.js$/, '')) })),
        outdir: root,
      });
    } catch {
      continue;
    }
    if (native.size > 0) continue;
    for (const entry of batch) {
      const outfile = path.join(root, entry.outDir, BUNDLE_FILE);
      const output = built.outputFiles!.find((f) => f.path === outfile);
      const key = path.relative(root, outfile).split(path.sep).join('/');
      const meta = built.metafile!.outputs[key];
      if (!output || !meta) continue;
      const inputs = Object.fromEntries(Object.keys(meta.inputs).map((i) => [i, built.metafile!.inputs[i]!]));
      out.set(entry.id, { outputFiles: [output], metafile: { inputs, outputs: { [key]: meta } } });
    }
  }
  return out;
}

/**
 * Express requires the app's view engine by name when it first renders (`require(mod)` in
 * lib/view.js): when a bundle holds that file, the engines the app sets (`app.set('view engine', 'pug')`)
 * are shipped installed beside the bundle, found from the app, where that call finds them.
 */
function enginesFor(engines: readonly string[], appDir: string): DynamicRequire[] {
  return engines.flatMap((name) => {
    const dir = findPackageDir(appDir, name);
    return dir ? [{ name, dir, reason: `the app's view engine, required by express/lib/view.js when it renders` }] : [];
  });
}

/** Marks the resolve call of `requireShipped` itself. */
const SHIPPED_PROBE = 'cleave-shipped-probe';

/** The files of the shipped packages at their places (relative to the bundle's folder), read once per build through `cache`. */
function shipPackages(shipped: readonly ShippedPackage[], cache: Map<string, Buffer>): OutputFile[] {
  const out: OutputFile[] = [];
  for (const pkg of shipped) {
    for (const rel of packageFiles(pkg.from)) {
      const from = path.join(pkg.from, rel);
      let contents = cache.get(from);
      if (!contents) {
        contents = fs.readFileSync(from);
        cache.set(from, contents);
      }
      out.push({ path: `${pkg.to}/${rel}`, contents });
    }
  }
  return out;
}

/**
 * A `require()` (or `import()`) of a package that is not installed stays a runtime `require`
 * instead of failing the bundle when it is optional for the monolith too: required by an
 * installed package (its optional peers: `consolidate` requires each template engine when first
 * used, `mongodb` its encryption add-on when asked to encrypt), or by the app's own code without
 * being among the app's dependencies (a dev tool behind a command, such as Ghost's `inquirer`).
 * The monolith runs without them and throws only when one is reached; the function behaves the
 * same. Static imports, and packages the app declares as dependencies, must be installed.
 */
function leaveOutMissingOptional(appDir: string, outDir: string, leftOut: Map<string, Set<string>>): Plugin {
  const declared = declaredPackages(appDir);
  return {
    name: 'cleave-leave-out-missing-optional',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === OPTIONAL_PROBE || (args.kind !== 'require-call' && args.kind !== 'dynamic-import')) return undefined;
        const appModule = appModuleOf(appDir, outDir, args.importer);
        const owner =
          packageOf(args.importer.split(path.sep).join('/')) ??
          (appModule !== undefined && !declared.has(packageOf(`node_modules/${args.path}`)!) ? appModule : undefined);
        if (!owner) return undefined;
        const found = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: OPTIONAL_PROBE });
        if (found.errors.length === 0) return found;
        leftOut.set(owner, (leftOut.get(owner) ?? new Set()).add(args.path));
        return { path: args.path, external: true };
      });
    },
  };
}

/** A `file:line` of esbuild's (relative to the output folder) made relative to the app folder when it is the app's. */
function appSite(appDir: string, outDir: string, site: string): string {
  const [, file = site, line = ''] = /^(.*):(\d+)$/.exec(site) ?? [];
  const own = appModuleOf(appDir, outDir, path.resolve(outDir, file));
  return own === undefined ? site : `${own}:${line}`;
}

/**
 * The app module (relative to the app folder) `file` is, or is a sliced copy of
 * (`functions/<id>/app/<module>` in the output folder); undefined for other files.
 */
function appModuleOf(appDir: string, outDir: string, file: string): string | undefined {
  if (isGenerated(outDir, appDir, file)) {
    const copy = /^functions\/[^/]+\/app\/(.+)$/.exec(path.relative(outDir, file).split(path.sep).join('/'));
    return copy?.[1];
  }
  return isInside(appDir, file) ? path.relative(appDir, file).split(path.sep).join('/') : undefined;
}

/** Names in the app's `dependencies`, `optionalDependencies` and `peerDependencies` (not its devDependencies). */
function declaredPackages(appDir: string): Set<string> {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const names = ['dependencies', 'optionalDependencies', 'peerDependencies'].flatMap((k) =>
      pkg[k] && typeof pkg[k] === 'object' ? Object.keys(pkg[k] as object) : [],
    );
    return new Set(names);
  } catch {
    return new Set();
  }
}

/**
 * A native addon (`.node`) cannot be bundled: its package is shipped installed beside the bundle
 * instead (recorded in `found`, by package folder), and the import stays a `require`.
 */
function nativeAddons(found: Map<string, DynamicRequire>): Plugin {
  return {
    name: 'cleave-native-addons',
    setup(builder) {
      builder.onResolve({ filter: /\.node$/ }, async (args) => {
        if (args.pluginData !== undefined) return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'cleave-native-probe',
        });
        const file = resolved.errors.length === 0 ? resolved.path : path.resolve(args.resolveDir, args.path);
        const name = packageOf(file.split(path.sep).join('/'));
        if (!name) return undefined;
        const at = file.lastIndexOf(`node_modules${path.sep}`) + 'node_modules/'.length;
        const dir = file.slice(0, at + name.length);
        if (!found.has(dir)) found.set(dir, { name, dir, reason: `native addon ${path.relative(dir, file).split(path.sep).join('/')}` });
        return { path: file, external: true };
      });
    },
  };
}

/** Marks the resolve call of `leaveOutMissingOptional` itself. */
const OPTIONAL_PROBE = 'cleave-optional-probe';

/** Bare imports of the generated files resolve from the app first, then the usual way, then from cleave. */
function resolveFromApp(outDir: string, appDir: string): Plugin {
  const cleaveDir = __dirname; // resolution walks up to cleave's own node_modules
  return {
    name: 'cleave-resolve-from-app',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'cleave' || !isGenerated(outDir, appDir, args.importer)) return undefined;
        for (const resolveDir of [appDir, args.resolveDir, cleaveDir]) {
          const found = await builder.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'cleave' });
          if (found.errors.length === 0) return found;
        }
        return undefined;
      });
    },
  };
}

/** The bundle's own folder, where the app's assets are copied at their relative places. */
const ROOT_VAR = '__cleaveAppRoot';

/**
 * The bundle's own `file://` URL maker, for the `import.meta.url` of its modules: a module that
 * declares its own `require` (`const require = createRequire(import.meta.url)`) shadows Node's,
 * before that declaration runs, in the code cleave puts at its top.
 */
const FILE_URL_VAR = '__cleaveFileUrl';

/**
 * The banner of a bundle whose own folder is `dir` (`__dirname`; `ES_MODULE_DIR_VAR` in an ES
 * module bundle, whose prelude defines `require`): the variables `ROOT_VAR` and `FILE_URL_VAR`, and, where a function runs (Lambda sets `LAMBDA_TASK_ROOT`; verify's
 * function host sets `CLEAVE_BUNDLE_CWD`; or it was started from its package's root, where
 * `dist/functions/<id>/` lies, as `serverless invoke local` and an unzipped package are), the
 * working folder moved to the bundle's: the app's
 * reads relative to its working folder (`express.static('public')`, node-config's `config/`,
 * `readFileSync('./data/x.json')`) find the assets copied beside the bundle, as the started
 * monolith finds them in its root. Lambda's own working folder is the package root, which holds
 * only `dist/`.
 */
function bannerOver(dir: string): string {
  return `var ${ROOT_VAR} = ${dir}; var ${FILE_URL_VAR} = function (file) { return require('url').pathToFileURL(file).href; }; if (process.env.LAMBDA_TASK_ROOT || process.env.CLEAVE_BUNDLE_CWD || /^dist\\/functions\\/[^/]+$/.test(require('path').relative(process.cwd(), ${dir}).split(require('path').sep).join('/'))) try { process.chdir(${dir}); } catch (e) {}`;
}

/** What `import.meta` of an app module becomes in a bundle (a CommonJS one has none; an ES module one has the bundle's): its original location. */
const IMPORT_META_VAR = '__cleaveImportMeta';

/** `module.parent` as written (not `module.parentXyz`). */
const MODULE_PARENT = /\bmodule\.parent\b(?![\w$])/;

/**
 * Keeps `__dirname`, `__filename` and `import.meta.url` (`.dirname`, `.filename`) of each app
 * module pointing where that module's files are: in a bundle every module would otherwise see the
 * bundle's folder, and `path.join(__dirname, '..', 'data', 'seed.json')` would miss the copied
 * asset; `import.meta` would be empty (in a CommonJS bundle) or the bundle's own. The rewritten text goes through
 * `compile` (decorator metadata, see `decoratorCompiler`), since esbuild then takes it as it is.
 */
function keepDirname(appDir: string, outDir: string, compile: DecoratorCompiler): Plugin {
  // Also `module.parent`: esbuild's module wrapper has none, so `if (!module.parent) app.listen(3000)`
  // would start a server in every function (see `withModuleParent`).
  return {
    name: 'cleave-keep-dirname',
    setup(builder) {
      builder.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (!isInside(appDir, args.path) || args.path.includes(`${path.sep}node_modules${path.sep}`) || isGenerated(outDir, appDir, args.path))
          return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        const located = locationReads(text);
        if (located.size === 0 && !MODULE_PARENT.test(text)) return undefined;
        const rel = path.relative(appDir, args.path).split(path.sep).join('/');
        const dir = path.posix.dirname(rel);
        const [dirExpr, fileExpr] = [`${ROOT_VAR}${dir === '.' ? '' : ` + ${JSON.stringify('/' + dir)}`}`, `${ROOT_VAR} + ${JSON.stringify('/' + rel)}`];
        // A module declaring its own `__dirname` (the ES module idiom over `import.meta.url`) keeps it.
        const shim = [
          ...(located.has('__dirname') ? [`const __dirname = ${dirExpr};`] : []),
          ...(located.has('__filename') ? [`const __filename = ${fileExpr};`] : []),
          ...(located.has('import.meta')
            ? [`const ${IMPORT_META_VAR} = { url: ${FILE_URL_VAR}(${fileExpr}), dirname: ${dirExpr}, filename: ${fileExpr} };`]
            : []),
        ].join(' ');
        const body = located.has('import.meta') ? text.replace(/\bimport\.meta(?=\.(url|dirname|filename)\b)/g, IMPORT_META_VAR) : text;
        const contents = `${shim}\n${withModuleParent(body)}`;
        const compiled = compile.compile(args.path, contents);
        return { contents: compiled ?? contents, loader: compiled === undefined ? loaderOf(args.path) : 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/**
 * The sliced copies (functions/<id>/app/...) a bundle holds, as app-relative files, and those whose
 * original module is in the bundle as well (something else imports it: two instances run).
 */
function slicedInputs(metafile: Metafile, outDir: string, appDir: string, entry: BundleEntry): Pick<BuiltBundle, 'slice'> {
  const prefix = `${entry.source.split('/').slice(0, -1).join('/')}/app/`;
  const inputs = Object.keys(metafile.inputs).map((i) => path.resolve(outDir, i));
  const files = inputs
    .map((i) => path.relative(outDir, i).split(path.sep).join('/'))
    .filter((i) => i.startsWith(prefix))
    .map((i) => i.slice(prefix.length))
    .sort();
  if (files.length === 0) return {};
  const originals = new Set(inputs.map((i) => path.relative(appDir, i).split(path.sep).join('/')));
  return { slice: { files, alsoOriginal: files.filter((f) => originals.has(f)) } };
}

function loaderOf(file: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  if (file.endsWith('.tsx')) return 'tsx';
  if (file.endsWith('.jsx')) return 'jsx';
  return 'js';
}

/**
 * Whether `file` is one of the generated files: inside the output folder and not one of the app's
 * own modules. The output folder usually sits inside the app (`-o functions`), so a file inside
 * both belongs to whichever folder is the deeper one; packages installed under either are neither.
 */
function isGenerated(outDir: string, appDir: string, file: string): boolean {
  if (!isInside(outDir, file) || file.split(path.sep).includes('node_modules')) return false;
  return !isInside(appDir, file) || isInside(appDir, outDir);
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Bytes of the bundle from the app's files and the generated ones, from the monolith's own code
 * alone (its files and their sliced copies, see `appModuleOf`), and from each package, from
 * esbuild's metafile.
 */
function composition(metafile: Metafile, outDir: string, appDir: string): Pick<BuiltBundle, 'appBytes' | 'ownBytes' | 'packages'> {
  let appBytes = 0;
  let ownBytes = 0;
  const packages = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      if (name) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
      else appBytes += bytesInOutput;
      // Own code by source size, as esbuild read it: the same for a module whether the bundle
      // starts from it (the whole app) or requires it (a function wraps it), and a sliced copy
      // counts without what cleave appends to it.
      const file = path.resolve(outDir, input);
      if (!name && !input.includes(':') && appModuleOf(appDir, outDir, file) !== undefined)
        ownBytes += isGenerated(outDir, appDir, file) ? Buffer.byteLength(monolithPartOf(fs.readFileSync(file, 'utf8'))) : metafile.inputs[input]!.bytes;
    }
  }
  const list = [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return { appBytes, ownBytes, packages: list };
}

/** A JSON file's value; undefined when it is missing or does not parse. */
function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
