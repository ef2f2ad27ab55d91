import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProgressListener } from '../model/progress';
import { generateAll } from '../generators/generate';
import { BUNDLE_FILE, bundleDir, handlerFile, RUNTIME_FILE, scheduleFile } from '../generators/layout';
import { TARGET_NAMES, type TargetName } from '../generators/targets';
import type { GeneratorDiagnostic } from '../generators/types';
import type { BuiltBundle, BundleReport } from '../model/bundle-report';
import type { GeneratedFile } from '../model/generated-file';
import type { SplitPlan } from '../model/plan';
import { registeringFiles } from '../generators/slice/slice-sites';
import { runsAtLoad } from '../generators/slice/load-effects';
import { importersOf } from '../generators/slice/importers';
import { isCodeFile } from '../model/module-paths';
import { NAMES_AUTHENTICATION } from '../generators/slice/strategy-use';
import { envReadBy } from '../analyzer/closure/file-env';
import { appAssets } from '../bundler/app-assets';
import { BUNDLE_OPTIONS_TEXT, type BundleEntry, type BundleResult, bundleHandlers, packageOf } from '../bundler/bundle';
import { LAMBDA_MACHINE } from '../bundler/native-binaries';
import { decideWrite, readManifest } from './manifest';
import { type WriteOutputResult, writeOutputFiles } from './output';
import { pruneStale } from './prune';
import { assertOutputFolder } from './output-folder';
import { BUNDLES_FILE } from '../model/output-files';

/** The bundle sizes file in the output folder. */

/** Options of `generateInto`. */
export interface GenerateIntoOptions {
  /** The app folder (the handlers import its modules relative to the output folder). */
  appDir: string;
  /** Deployment targets (default: all). Handlers are always generated. */
  targets?: readonly TargetName[];
  /** Overwrite files cleave did not write or that were edited since. */
  force?: boolean;
  /** List what would be written; write nothing and bundle nothing. */
  dryRun?: boolean;
  /** Drift check: build everything (bundles included, in memory), write nothing, and list what differs from the folder. */
  check?: boolean;
  /** Bundle each function with esbuild into dist/ (default true). */
  bundle?: boolean;
  /** More files to write in the same checked pass (`split` adds the analysis, the plan and the report). */
  extraFiles?: readonly GeneratedFile[];
  /**
   * Files made from what bundling measured (`split`'s report, which shows each function as
   * built), written with the bundles; made with no bundles when this run does not bundle.
   */
  builtFiles?: (bundles: BundleReport | undefined) => GeneratedFile[];
  /** Paths whose edits cleave has merged (the plan `split` re-planned): may be overwritten. */
  mergedEdits?: readonly string[];
  /** Receives progress events. */
  onProgress?: ProgressListener;
}

/** What `generateInto` did. */
export interface GenerateIntoResult {
  /** Paths written (or that would be), relative to the output folder, sorted. */
  written: string[];
  /** Paths that already held exactly the same contents. */
  unchanged: string[];
  /** Generator findings. */
  diagnostics: GeneratorDiagnostic[];
  /** Bundle sizes (empty with `dryRun` or `bundle: false`). */
  bundles: BundleReport;
  /** Files of functions and schedules no longer in the plan that cleave removed (or would, with `dryRun`). */
  removed: string[];
  /** Files of functions and schedules no longer in the plan that were edited by hand, so left in place. */
  keptEdited: string[];
}

/**
 * Generates the handlers and the targets' config for `plan` into `outDir`, bundles every
 * function with esbuild, and writes it all through the one writer: nothing is written unless
 * every file may be (see `decideWrite`), and `.cleave-manifest.json` records what was written.
 * `cleave generate` and `cleave split` both end here.
 */
export async function generateInto(outDir: string, plan: SplitPlan, options: GenerateIntoOptions): Promise<GenerateIntoResult> {
  const root = path.resolve(outDir);
  const app = path.resolve(options.appDir);
  assertOutputFolder(root, app, outDir);
  const progress = options.onProgress ?? (() => undefined);
  const appFromOut = path.relative(root, app).split(path.sep).join('/') || '.';
  const sources = readRegisteringSources(app, plan);
  const context = {
    appDir: appFromOut,
    sources,
    authTexts: readAuthTexts(app, plan),
    handlerModules: readHandlerModules(app, plan, sources),
    loadEffects: readLoadEffects(app, plan, sources),
  };
  const generated = generateAll(plan, context, options.targets ?? TARGET_NAMES);
  const entries = bundleEntries(plan, generated.servedElsewhere);
  const bundling = options.bundle !== false;
  const measuredLater = bundling && (!options.dryRun || !!options.check);
  const files = [...(options.extraFiles ?? []), ...(measuredLater ? [] : (options.builtFiles?.(undefined) ?? [])), ...generated.files];
  const { assets, skipped, withheld } = bundling ? appAssets(app, root) : { assets: [], skipped: [], withheld: [] };
  const builtPaths = measuredLater ? (options.builtFiles?.(undefined) ?? []).map((f) => f.path) : [];
  const scope = bundling && inModuleScope(path.join(root, 'dist')) ? [COMMONJS_SCOPE] : [];
  const bundlePaths = [
    ...entries.flatMap((e) => [`${e.outDir}/${BUNDLE_FILE}`, ...assets.map((a) => `${e.outDir}/${a.path}`)]),
    ...scope.map((f) => f.path),
    BUNDLES_FILE,
    ...builtPaths,
  ];
  if (bundling) preflight(root, bundlePaths, options);
  const writeNothing = !!options.dryRun || !!options.check;
  const checked = { manifest: true, force: options.force, mergedEdits: options.mergedEdits, dryRun: writeNothing, appDir: app };
  const first = writeOutputFiles(root, files, checked);
  let written = first.written.map((f) => rel(root, f));
  let unchanged = first.unchanged.map((f) => rel(root, f));
  const report: BundleReport = { schemaVersion: 1, options: BUNDLE_OPTIONS_TEXT, bundles: [], failures: [] };
  let second: WriteOutputResult | undefined;
  if (bundling && options.dryRun && !options.check) written = written.concat(bundlePaths);
  if (bundling && (!options.dryRun || options.check)) {
    progress({ stage: 'generate', message: `bundling ${entries.length} handlers with esbuild` });
    if (withheld.length > 0)
      generated.diagnostics.push({
        code: 'ASSETS_WITHHELD',
        severity: 'warning',
        file: 'dist/',
        message: `not copied beside the bundles, since they look like keys or secrets: ${withheld.map((a) => a.path).join(', ')}${assets.some((a) => a.contents !== undefined && a.path === '.env') ? "; an empty .env stands beside each bundle instead, so that dotenv finds a file: the functions' variables come from their environment" : ''}`,
        advice: 'give the functions what they need from SSM Parameter Store or Secrets Manager, not from files in the bundle',
      });
    if (skipped.length > 0)
      generated.diagnostics.push({
        code: 'ASSETS_NOT_SHIPPED',
        severity: 'warning',
        file: 'dist/',
        message: `not copied beside the bundles (over 5 MiB, or past 50 MiB in all): ${skipped.map((a) => a.path).join(', ')}`,
        advice: 'serve them from S3 or a CDN if the functions read them',
      });
    const built = await bundleHandlers(
      root,
      app,
      entries,
      assets,
      viewEngines(plan),
      (done, total) => progress({ stage: 'generate', message: 'bundling handlers', done, total }),
      plan.app.entry,
    );
    report.bundles = built.sizes;
    if (built.wholeApp) report.wholeApp = built.wholeApp;
    for (const size of built.sizes) Object.assign(size, sharesOf(size, built.wholeApp));
    report.failures = built.failures;
    if (built.leftOut.length > 0) {
      generated.diagnostics.push({
        code: 'OPTIONAL_PACKAGES_LEFT_OUT',
        severity: 'info',
        file: 'dist/',
        message: `not installed, so left as runtime require() calls in the bundles (they throw only when reached, as in the monolith): ${built.leftOut.map((l) => `${l.packages.join(', ')} (required by ${l.by})`).join('; ')}`,
        advice: 'install the ones the app really uses and generate again',
      });
    }
    for (const addon of built.nativeAddons) generated.diagnostics.push(nativeAddonFinding(addon));
    for (const f of built.failures) generated.diagnostics.push(bundleFailure(f, entries.find((e) => e.id === f.id)?.source ?? f.id));
    for (const size of built.sizes) {
      const esModule = esModuleFinding(size, entries.find((e) => e.id === size.id)?.source ?? size.file);
      if (esModule) generated.diagnostics.push(esModule);
    }
    for (const size of built.sizes) if (size.kind === 'function') size.extraction = extractionOf(size.id, generated.diagnostics);
    for (const size of built.sizes) {
      if (!size.slice || size.slice.alsoOriginal.length === 0) continue;
      generated.diagnostics.push({
        code: 'SLICE_ORIGINAL_ALSO_LOADED',
        severity: 'warning',
        file: size.file,
        subject: size.id,
        message: `the bundle holds ${size.slice.alsoOriginal.join(', ')} twice: the sliced copy, and the monolith's original that another of its modules imports, so that module's registrations run in a second app (and its code is bundled)`,
        advice: 'have that module receive what it needs from the app (an argument, req.app) instead of importing the entry or router module',
      });
    }
    const boot = bootEnv(plan, built.appInputs);
    const targetsAgain: GeneratedFile[] = [];
    if (boot.added.size > 0) {
      const again = generateAll(boot.plan, context, options.targets ?? TARGET_NAMES);
      const before = new Map(generated.files.map((f) => [f.path, f.contents]));
      targetsAgain.push(...again.files.filter((f) => before.get(f.path) !== f.contents));
      for (const [id, names] of [...boot.added].sort(([a], [b]) => a.localeCompare(b))) {
        generated.diagnostics.push({
          code: 'BOOT_ENV_ADDED',
          severity: 'info',
          file: 'serverless.yml',
          subject: id,
          message: `environment variables read by modules its bundle loads at boot, beyond its routes' code, added to its environment: ${names.join(', ')}`,
          advice: 'give them values at deploy time, as for the monolith',
        });
      }
    }
    second = writeOutputFiles(
      root,
      [
        ...built.files,
        ...scope,
        ...targetsAgain,
        { path: BUNDLES_FILE, contents: JSON.stringify(bundleReportInOrder(report), null, 2) + '\n' },
        ...(options.builtFiles?.(report) ?? []),
      ],
      { ...checked, dryRun: !!options.check },
    );
    // Targets written again with the boot env: the second version is the one that counts.
    const again = new Set(second.unchanged.map((f) => rel(root, f)));
    const rewritten = new Set(second.written.map((f) => rel(root, f)));
    // Whole arrays, never spread into a call: a function that ships installed packages adds
    // thousands of paths, and an argument list of that size overflows the stack.
    const earlier = (f: string) => !again.has(f) && !rewritten.has(f);
    written = written.filter(earlier).concat([...rewritten]);
    unchanged = unchanged.filter(earlier).concat([...again]);
  }
  // Files of functions renamed or dropped from the plan; bundles only when this run bundled.
  const scopes = bundling ? ['functions', 'schedules', 'dist'] : ['functions', 'schedules'];
  const keptEdited = [...first.keptEdited, ...(second?.keptEdited ?? [])];
  for (const file of keptEdited) {
    generated.diagnostics.push({
      code: 'OUTPUT_EDITED',
      severity: 'warning',
      file,
      message: 'edited since cleave wrote it: kept as it is, the generated version is not written',
      advice: 'run again with --force to replace it with the generated version',
    });
  }
  const pruned = pruneStale(root, new Set([...written, ...unchanged, ...keptEdited]), { scopes, dryRun: writeNothing });
  for (const file of pruned.keptEdited) {
    generated.diagnostics.push({
      code: 'STALE_FILE_EDITED',
      severity: 'warning',
      file,
      message: 'no function of the plan makes this file any more, but it was edited since cleave wrote it, so it stays',
      advice: 'delete it by hand once its changes are carried over',
    });
  }
  return { written: written.sort(), unchanged: unchanged.sort(), diagnostics: generated.diagnostics, bundles: report, ...pruned };
}

/** A bundle's sizes as shares of the whole app's (3 decimals); none without a baseline. */
function sharesOf(size: BuiltBundle, whole: BundleReport['wholeApp']): Pick<BuiltBundle, 'ownShare' | 'bytesShare'> {
  if (!whole) return {};
  const share = (part: number, all: number): number => (all > 0 ? Math.round((part / all) * 1000) / 1000 : 0);
  return { ownShare: share(size.ownBytes, whole.ownBytes), bytesShare: share(size.bytes, whole.bytes) };
}

/** The report with its fields in the schema's order (the baseline before the bundles), for a file that reads top-down. */
function bundleReportInOrder(report: BundleReport): BundleReport {
  const { schemaVersion, options, wholeApp, bundles, failures } = report;
  return { schemaVersion, options, ...(wholeApp ? { wholeApp } : {}), bundles, failures };
}

/** How a function gets hold of its routes, from the generator's findings about it (see `BuiltBundle.extraction`). */
function extractionOf(id: string, diagnostics: readonly GeneratorDiagnostic[]): NonNullable<BuiltBundle['extraction']> {
  const own = diagnostics.filter((d) => d.subject === id);
  const fallback = own.find((d) => d.code === 'WHOLE_APP_FALLBACK');
  if (!fallback) return { kind: 'imported' };
  const kind = own.some((d) => d.code === 'REGISTRATIONS_SLICED') ? 'sliced' : 'whole-app';
  return { kind, reason: fallback.message };
}

/**
 * For plans with passport strategies: the texts of the files registering them and of the files
 * the functions' routes reach that name `authenticate` or `authorize` (see `GenerateContext.authTexts`).
 * Unreadable files are left out (a strategy there stays registered).
 */
export function readAuthTexts(appDir: string, plan: SplitPlan): Map<string, string> {
  const texts = new Map<string, string>();
  if (!plan.authStrategies?.length) return texts;
  const strategyFiles = new Set(plan.authStrategies.map((s) => s.file));
  const files = new Set([...strategyFiles, ...plan.functions.flatMap((f) => f.files ?? [])]);
  const root = fs.realpathSync(appDir);
  for (const file of [...files].sort()) {
    try {
      const real = fs.realpathSync(path.join(appDir, file));
      if (path.relative(root, real).startsWith('..')) continue;
      const text = fs.readFileSync(real, 'utf8');
      if (strategyFiles.has(file) || NAMES_AUTHENTICATION.test(text)) texts.set(file, text);
    } catch {
      // not there any more
    }
  }
  return texts;
}

/**
 * The texts of the app's registering modules (see `registeringFiles`), for the sliced copies.
 * A file that is missing, unreadable or outside the app is left out: its handler imports the
 * monolith's module as it is.
 */
export function readRegisteringSources(appDir: string, plan: SplitPlan): Map<string, string> {
  return readAppTexts(appDir, registeringFiles(plan));
}

/**
 * The texts of the app modules that only registering modules import, by the plan's module graph
 * (controllers and the like; see `GenerateContext.handlerModules`). Code files only; one that is
 * unreadable or outside the app is left out (it stays whole).
 */
export function readHandlerModules(appDir: string, plan: SplitPlan, registering: ReadonlyMap<string, string>): Map<string, string> {
  const files = [...importersOf(plan)]
    .filter(([file, by]) => !registering.has(file) && isCodeFile(file) && by.every((f) => registering.has(f)))
    .map(([file]) => file);
  return readAppTexts(appDir, files.sort());
}

/**
 * The app modules that registering modules import, not registering themselves, that do something
 * as they load (see `GenerateContext.loadEffects`), by the plan's module graph (none without one).
 */
export function readLoadEffects(appDir: string, plan: SplitPlan, registering: ReadonlyMap<string, string>): Set<string> {
  const graph = plan.modules?.files ?? {};
  const imported = new Set([...registering.keys()].flatMap((file) => graph[file]?.imports ?? []).filter((f) => !registering.has(f) && isCodeFile(f)));
  const texts = readAppTexts(appDir, [...imported].sort());
  return new Set([...texts].filter(([file, text]) => runsAtLoad(file, text)).map(([file]) => file));
}

/** The texts of app files (app-relative paths); one that is missing, unreadable or outside the app (through a link) is left out. */
function readAppTexts(appDir: string, files: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const root = fs.realpathSync(appDir);
  for (const file of files) {
    try {
      const real = fs.realpathSync(path.join(appDir, file));
      if (path.relative(root, real).startsWith('..')) continue;
      texts.set(file, fs.readFileSync(real, 'utf8'));
    } catch {
      // not there any more: the function imports the monolith's module as it is
    }
  }
  return texts;
}

/**
 * The bundles are CommonJS `.js` files: in an output folder inside an ES module package (the
 * app's package.json says `"type": "module"`), Node would load them as ES modules wherever they
 * are required in place (`serverless invoke local`, a test). The package Lambda runs holds no
 * package.json, so only the folder needs this one.
 */
const COMMONJS_SCOPE: GeneratedFile = { path: 'dist/package.json', contents: '{ "type": "commonjs" }\n' };

/** Whether the package.json nearest to `dir` (above it) says `"type": "module"`. */
function inModuleScope(dir: string): boolean {
  for (let at = path.dirname(dir); ; at = path.dirname(at)) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(at, 'package.json'), 'utf8')) as { type?: string }).type === 'module';
    } catch {
      // none here, or unreadable: look further up
    }
    if (at === path.dirname(at)) return false;
  }
}

/**
 * Read by the Express every bundle holds, whatever the app's code names: `NODE_ENV` (`app.get('env')`:
 * in production, error pages without stack traces and views compiled once).
 */
const READ_BY_EXPRESS = ['NODE_ENV'];

/**
 * The plan with each function's `env` completed by the variables the files of its bundle read
 * (boot code such as a config module validating `process.env`, which no route's closure
 * reaches, and `READ_BY_EXPRESS`), and what was added per function id.
 */
function bootEnv(plan: SplitPlan, inputs: ReadonlyMap<string, string[]>): { plan: SplitPlan; added: Map<string, string[]> } {
  const texts = new Map<string, string>();
  const read = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        text = '';
      }
      texts.set(file, text);
    }
    return text;
  };
  // cleave's own runtime reads its settings (CLEAVE_BOOT_WAIT_MS): they are not the app's.
  const files = [...new Set([...inputs.values()].flat())].filter((f) => !f.split(path.sep).join('/').endsWith(`/${RUNTIME_FILE}`)).sort();
  const byFile = envReadBy(files.map((f) => ({ path: f, text: read(f) })));
  const added = new Map<string, string[]>();
  const functions = plan.functions.map((fn) => {
    const names = new Set([...READ_BY_EXPRESS, ...(inputs.get(fn.id) ?? []).flatMap((f) => byFile.get(f) ?? [])]);
    const base = fn.env ?? [...new Set(fn.routes.flatMap((id) => plan.routes[id]?.deps.env ?? []))];
    const missing = [...names].filter((n) => !base.includes(n)).sort();
    if (missing.length === 0) return fn;
    added.set(fn.id, missing);
    return { ...fn, env: [...base, ...missing].sort() };
  });
  return { plan: { ...plan, functions }, added };
}

/** The packages the app sets as its view engine (`app.set('view engine', 'pug')` on an app of a route's stack), sorted. */
function viewEngines(plan: SplitPlan): string[] {
  const engines = new Set<string>();
  for (const route of Object.values(plan.routes)) {
    for (const ref of route.stack ?? []) {
      for (const setting of ref.settings ?? []) {
        const [key, value] = setting.args.map((a) => /^(['"`])(.*)\1$/.exec(a)?.[2]);
        if (setting.method === 'set' && key === 'view engine' && value) engines.add(value.replace(/^\./, ''));
      }
    }
  }
  return [...engines].sort();
}

/** The finding of a handler esbuild could not bundle, with what to do about it. */
function bundleFailure(failure: { id: string; message: string }, file: string): GeneratorDiagnostic {
  return {
    severity: 'error',
    file,
    subject: failure.id,
    code: 'BUNDLE_FAILED',
    message: `esbuild could not bundle it: ${failure.message}`,
    advice: bundleAdvice(failure.message),
  };
}

/** The finding of a handler bundled as an ES module, since a module it loads awaits at the top level. */
function esModuleFinding(size: BuiltBundle, file: string): GeneratorDiagnostic | undefined {
  if (!size.esModule) return undefined;
  return {
    code: 'BUNDLE_ES_MODULE',
    severity: 'info',
    file,
    subject: size.id,
    message: `bundled as an ES module (${size.file.replace(/\.js$/, '.mjs')}, imported by ${size.file} on the first invocation), since ${size.esModule.topLevelAwait.join(', ')} ${size.esModule.topLevelAwait.length === 1 ? 'awaits' : 'await'} at the top level, which a CommonJS bundle cannot hold`,
    advice: 'nothing to do; to bundle it as CommonJS, move that await into an async function the routes await on first use',
  };
}

function bundleAdvice(message: string): string {
  const native = /No loader is configured for "\.node" files: (\S+)/.exec(message);
  if (native) {
    const pkg = packageOf(native[1]!) ?? 'a package';
    return `${pkg} loads a native addon (.node), which esbuild cannot bundle: provide ${pkg} beside the function (a Lambda layer with its node_modules, built for Lambda's Linux) and bundle it as external, or keep these routes in the monolith`;
  }
  return "install the app's dependencies (npm ci in the app) and generate again";
}

/** The handlers to bundle: every function, and every schedule that got a handler. */
export function bundleEntries(plan: SplitPlan, servedElsewhere: Readonly<Record<string, string[]>> = {}): BundleEntry[] {
  return [
    ...plan.functions.map((f): BundleEntry => ({
      id: f.id,
      kind: 'function',
      source: handlerFile(f.id),
      outDir: bundleDir('function', f.id),
      ...(servedElsewhere[f.id] ? { servedElsewhere: servedElsewhere[f.id] } : {}),
    })),
    ...plan.schedules
      .filter((s) => s.rate)
      .map((s): BundleEntry => ({ id: s.id, kind: 'schedule', source: scheduleFile(s.id), outDir: bundleDir('schedule', s.id) })),
  ];
}

/** Refuses before anything is written when a bundle path is protected (contents are not known yet). */
function preflight(root: string, paths: string[], options: GenerateIntoOptions): void {
  const manifest = readManifest(root);
  for (const p of paths) decideWrite(root, p, '\u0000not built yet', manifest, options);
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** A shipped package whose native addon would not load on Lambda, as a finding. */
function nativeAddonFinding(addon: BundleResult['nativeAddons'][number]): GeneratorDiagnostic {
  const functions = `shipped with ${addon.ids.length === 1 ? 'function' : 'functions'} ${addon.ids.join(', ')}`;
  const rebuild = `install and build it for Linux ${LAMBDA_MACHINE.name} (npm ci with its install scripts, in a Lambda-compatible container such as \`sam build --use-container\`'s, or \`npm rebuild ${addon.name}\` on Linux) and generate again, or use a pure-JavaScript alternative`;
  if (addon.kind === 'not-built')
    return {
      code: 'NATIVE_ADDON_NOT_BUILT',
      severity: 'error',
      file: 'dist/',
      message: `${addon.name} (${functions}) has ${addon.detail}: its require fails as the function loads`,
      advice: rebuild,
    };
  return {
    code: 'NATIVE_ADDON_OTHER_PLATFORM',
    severity: 'warning',
    file: 'dist/',
    message: `${addon.name} (${functions}) holds native addons built for another platform than Lambda's Linux ${LAMBDA_MACHINE.name}: ${addon.detail}`,
    advice: rebuild,
  };
}
