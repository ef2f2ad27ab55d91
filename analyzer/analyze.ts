import * as path from 'node:path';
import { type Analysis, type Route } from '../model/analysis';
import { type ClosureIndex, computeClosures } from './closure/closure';
import { DiagnosticSink } from './diagnostics';
import { InputError } from '../model/errors';
import { GuardedModuleLoader } from './guarded-module-loader';
import { detectHazards } from './hazards/detect';
import { type InternalErrorListener, reportInternalError } from './internal-errors';
import { declaresExpress, loadAppRoot } from './load/app-root';
import { findEntries } from './load/entries';
import { expressRange } from './load/express-version';
import { type EntrySource, explicitEntries } from './load/explicit-entries';
import { findImportCycles } from './load/cycles';
import { buildImportGraph } from './load/import-graph';
import { ModuleResolver } from './load/module-resolver';
import { fileBytes } from './modules/file-bytes';
import { measureModules } from './modules/module-graph';
import { addExtraSource, loadProject } from './load/project';
import type { ProgressListener } from '../model/progress';
import { middlewareRef, type RefContext, routerRef, site, sourceRef } from './route-refs';
import { type FlatRoute, flattenApps } from './routes/express/flatten';
import { Interpreter } from './routes/evaluator/interpreter';
import { ExpressModel } from './routes/express/express-model';
import { reportShadowedRoutes } from './routes/express/shadowing';
import { trailingChain } from './routes/express/trailing';
import { appAliasesOf } from '../model/app-aliases';

/** Options of `analyzeApp`. */
export interface AnalyzeOptions {
  /** The app folder (holds package.json). */
  appDir: string;
  /** Entry files relative to the app folder; found automatically when absent or empty. */
  entry?: string[];
  /** Where `entry` was named, for the advice of input errors. @default the `--entry` flag */
  entrySource?: EntrySource;
  /** Receives progress events. */
  onProgress?: ProgressListener;
  /** Receives unexpected errors that analysis survived; each is also an `ANALYSIS_ERROR` diagnostic. */
  onInternalError?: InternalErrorListener;
}

const IMPORTS_EXPRESS = /(?:require\s*\(\s*|from\s+|import\s*\(\s*)['"]express['"]/;

/**
 * Analyses an Express monolith without running it: finds its entries, evaluates them
 * symbolically and returns every route with its full path, handler and middleware chain.
 * Throws `InputError` for input that is not an analysable Express app.
 */
export async function analyzeApp(options: AnalyzeOptions): Promise<Analysis> {
  const progress = options.onProgress ?? (() => undefined);
  const appDir = path.resolve(options.appDir);
  const diagnostics = new DiagnosticSink(appDir);
  const root = loadAppRoot(options.appDir, diagnostics);
  // Checked before any source is read: an entry outside the app folder is never opened.
  const explicit = options.entry?.length ? explicitEntries(appDir, options.entry, options.entrySource) : undefined;
  progress({ stage: 'load', message: 'parsing sources' });
  const loaded = loadProject(root, diagnostics, options.onInternalError);
  const texts = new Map([...loaded.files].map(([file, sf]) => [file, sf.getFullText()]));
  // The express repository itself: its examples reach the framework by relative paths.
  const usesExpress = root.packageJson?.name === 'express' || [...texts.values()].some((t) => IMPORTS_EXPRESS.test(t));
  if (!usesExpress) {
    const why = texts.size === 0 ? 'no JavaScript or TypeScript source files' : 'no file imports express';
    throw new InputError('NOT_AN_EXPRESS_APP', `${options.appDir} is not an Express app: ${why}`, 'point cleave at the folder of an Express app');
  }
  if (root.packageJson && !declaresExpress(root.packageJson)) {
    diagnostics.atFile(
      'NO_EXPRESS_DEPENDENCY',
      'warning',
      path.join(appDir, 'package.json'),
      1,
      'package.json does not list express, but the code imports it',
      'add express to dependencies',
    );
  }
  const resolver = new ModuleResolver(appDir, root.compilerOptions, root.nodePaths);
  const graph = buildImportGraph(loaded.files.values(), resolver);
  reportImportCycles(graph, diagnostics);
  const entries = explicit ?? findEntries(root, texts, graph, diagnostics);
  if (entries.length === 0) {
    throw new InputError(
      'NO_ENTRY',
      `no file in ${options.appDir} creates an express app or calls listen`,
      'name the file that creates the app with --entry or entry: in cleave.config.yaml',
    );
  }
  progress({ stage: 'routes', message: `evaluating ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` });
  const modules = new GuardedModuleLoader(loaded.files, resolver, (f) => addExtraSource(loaded, f, diagnostics), loaded.broken);
  modules.onInternalError = options.onInternalError;
  const expressModel = new ExpressModel();
  const interpreter = new Interpreter(appDir, diagnostics, modules, expressModel);
  for (const entry of entries) interpreter.runEntry(entry);
  const flat = flattenApps(interpreter, expressModel.routers);
  reportShadowedRoutes(interpreter, flat.routes);
  progress({ stage: 'closure', message: "following each route's dependencies" });
  const closures = computeClosures(appDir, flat.routes, loaded.files, resolver);
  const rel = (file: string): string => path.relative(appDir, file).split(path.sep).join('/');
  const routes = flat.routes
    .map((r) => toRoute(r, { rel, appDir, resolver }, closures))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  progress({ stage: 'routes', message: `found ${routes.length} routes` });
  progress({ stage: 'closure', message: 'bundling the app to measure its module graph' });
  const entryFiles = entries.map(rel);
  const measured = await measureModules(appDir, entryFiles, appAliasesOf(root.packageJson));
  if (!measured) {
    diagnostics.atFile(
      'BUNDLE_NOT_MEASURED',
      'warning',
      '',
      0,
      "esbuild could not bundle the app from its entries: the plan's bundle sizes will be estimates from file sizes and its import-graph metrics missing",
      'run `npx esbuild --bundle --platform=node --packages=external <entry>` in the app folder to see why',
    );
  }
  const mounts = flat.mounts.map((m) => ({
    path: m.path,
    kind: m.kind,
    ...site(m.site, rel),
    target: site(m.target, rel),
    ...conditional(m.conditions),
  }));
  const authStrategies = [...expressModel.strategies.values()]
    .map((s) => ({ ...site(s.node, rel), ...(s.name !== undefined ? { name: s.name } : {}), ...(s.pkg !== undefined ? { package: s.pkg } : {}) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const sized = [
    ...routes.flatMap((r) => [r.file, r.handler.file, ...r.middleware.map((m) => m.file), ...r.deps.files]),
    ...mounts.map((m) => m.file),
    ...Object.keys(measured?.files ?? {}),
  ];
  return {
    schemaVersion: 1,
    root: '.',
    entry: entryFiles,
    routes,
    mounts,
    ...(authStrategies.length > 0 ? { authStrategies } : {}),
    static: flat.statics.map((s) => ({ path: s.path, dir: s.dir, ...site(s.site, rel) })),
    hazards: detectHazards({
      appDir,
      files: loaded.files,
      routesUsing: (anchor) => closures.routesUsing(anchor),
      listenCalls: new Set(expressModel.listens.map((l) => l.node)),
      routes,
      resolveImport: (specifier, from) => {
        const resolved = resolver.resolve(specifier, from);
        return resolved.kind === 'file' ? resolved.path : undefined;
      },
      onError: (error, detector, file) =>
        reportInternalError(
          diagnostics,
          file ?? appDir,
          file ? 'scanning for hazards in' : `running the ${detector} hazard detector over`,
          error,
          options.onInternalError,
        ),
    }),
    diagnostics: diagnostics.list(),
    package: { name: root.packageJson?.name || path.basename(appDir), ...expressRange(root.packageJson, appDir) },
    fileBytes: fileBytes(appDir, sized),
    ...(measured ? { modules: measured } : {}),
  };
}

function reportImportCycles(graph: Map<string, string[]>, diagnostics: DiagnosticSink): void {
  for (const cycle of findImportCycles(graph)) {
    const names = cycle.map((f) => path.basename(f)).join(' → ');
    diagnostics.atFile(
      'IMPORT_CYCLE',
      'info',
      cycle[0]!,
      1,
      `import cycle: ${names} → ${path.basename(cycle[0]!)}`,
      'cycles make load order matter; a split function loads the whole cycle',
    );
  }
}

function toRoute(route: FlatRoute, ctx: RefContext, closures: ClosureIndex): Route {
  const id = `${route.method} ${route.path}`;
  const result: Route = {
    id,
    method: route.method,
    path: route.path,
    ...site(route.site, ctx.rel),
    entry: ctx.rel(route.entry),
    handler: sourceRef(route.handler, ctx.rel),
    router: routerRef(route.owner, ctx),
    stack: route.stack.map((entry) => routerRef(entry, ctx)),
    middleware: route.middleware.map((m) => middlewareRef(m, ctx)),
    trailing: trailingChain(route).map((m) => middlewareRef(m, ctx)),
    ...conditional(route.conditions),
    deps: closures.deps.get(id) ?? { files: [], packages: [], env: [], entities: [] },
  };
  if (route.alsoAt.length > 0) result.alsoAt = route.alsoAt.map((n) => site(n, ctx.rel));
  if (route.library) result.library = route.library;
  if (route.controller) {
    const { node, export: name, call } = route.controller;
    result.controller = {
      file: ctx.rel(node.getSourceFile().getFilePath()),
      ...(name !== undefined ? { export: name } : {}),
      registeredAt: site(call, ctx.rel),
    };
  }
  return result;
}

function conditional(conditions: string[]): { conditional?: string } {
  return conditions.length > 0 ? { conditional: conditions.join(' && ') } : {};
}
