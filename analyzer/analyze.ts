import * as path from 'node:path';
import type { Node } from 'ts-morph';
import { type Analysis, type Middleware, type Route, type SourceRef } from '../model/analysis';
import { type ClosureIndex, computeClosures } from './closure/closure';
import { exportPath } from './closure/export-path';
import { DiagnosticSink } from './diagnostics';
import { InputError } from './errors';
import { declaresExpress, loadAppRoot } from './load/app-root';
import { explicitEntries, findEntries } from './load/entries';
import { findImportCycles } from './load/cycles';
import { buildImportGraph } from './load/import-graph';
import { ModuleResolver } from './load/module-resolver';
import { addExtraSource, loadProject } from './load/project';
import type { ProgressListener } from './progress';
import type { FunctionRef } from './routes/describe';
import { type ChainEntry, type FlatRoute, flattenApps } from './routes/flatten';
import { Interpreter } from './routes/interpreter';
import { ModuleLoader } from './routes/module-loader';
import { reportShadowedRoutes } from './routes/shadowing';
import { compact } from './routes/text';

/** Options of `analyzeApp`. */
export interface AnalyzeOptions {
  /** The app folder (holds package.json). */
  appDir: string;
  /** Entry files relative to the app folder; found automatically when absent. */
  entry?: string[];
  /** Receives progress events. */
  onProgress?: ProgressListener;
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
  progress({ stage: 'load', message: 'parsing sources' });
  const loaded = loadProject(root, diagnostics);
  const texts = new Map([...loaded.files].map(([file, sf]) => [file, sf.getFullText()]));
  const usesExpress = [...texts.values()].some((t) => IMPORTS_EXPRESS.test(t));
  if (!usesExpress) {
    const why = texts.size === 0 ? 'no JavaScript or TypeScript source files' : 'no file imports express';
    throw new InputError('NOT_AN_EXPRESS_APP', `${options.appDir} is not an Express app: ${why}`, 'point cleave at the folder of an Express app');
  }
  if (root.packageJson && !declaresExpress(root.packageJson)) {
    diagnostics.atFile('NO_EXPRESS_DEPENDENCY', 'warning', path.join(appDir, 'package.json'), 1, 'package.json does not list express, but the code imports it', 'add express to dependencies');
  }
  const resolver = new ModuleResolver(appDir, root.compilerOptions);
  const graph = buildImportGraph(loaded.files.values(), resolver);
  reportImportCycles(graph, diagnostics);
  const entries = options.entry?.length ? explicitEntries(root, options.entry) : findEntries(root, texts, graph);
  if (entries.length === 0) {
    throw new InputError('NO_ENTRY', `no file in ${options.appDir} creates an express app or calls listen`, 'name the file that creates the app with --entry');
  }
  progress({ stage: 'routes', message: `evaluating ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` });
  const interpreter = new Interpreter(appDir, diagnostics, new ModuleLoader(loaded.files, resolver, (f) => addExtraSource(loaded, f, diagnostics), loaded.broken));
  for (const entry of entries) interpreter.runEntry(entry);
  const flat = flattenApps(interpreter, interpreter.routers);
  reportShadowedRoutes(interpreter, flat.routes);
  progress({ stage: 'closure', message: 'following each route\'s dependencies' });
  const closures = computeClosures(appDir, flat.routes, loaded.files, resolver);
  const rel = (file: string): string => path.relative(appDir, file).split(path.sep).join('/');
  const routes = flat.routes.map((r) => toRoute(r, rel, closures)).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  progress({ stage: 'routes', message: `found ${routes.length} routes` });
  return {
    schemaVersion: 1,
    root: '.',
    entry: entries.map(rel),
    routes,
    mounts: flat.mounts.map((m) => ({
      path: m.path,
      kind: m.kind,
      ...site(m.site, rel),
      target: site(m.target, rel),
      ...conditional(m.conditions),
    })),
    static: flat.statics.map((s) => ({ path: s.path, dir: s.dir, ...site(s.site, rel) })),
    hazards: [],
    diagnostics: diagnostics.list(),
  };
}

function reportImportCycles(graph: Map<string, string[]>, diagnostics: DiagnosticSink): void {
  for (const cycle of findImportCycles(graph)) {
    const names = cycle.map((f) => path.basename(f)).join(' → ');
    diagnostics.atFile('IMPORT_CYCLE', 'info', cycle[0]!, 1, `import cycle: ${names} → ${path.basename(cycle[0]!)}`, 'cycles make load order matter; a split function loads the whole cycle');
  }
}

function toRoute(route: FlatRoute, rel: (f: string) => string, closures: ClosureIndex): Route {
  const id = `${route.method} ${route.path}`;
  const result: Route = {
    id,
    method: route.method,
    path: route.path,
    ...site(route.site, rel),
    entry: rel(route.entry),
    handler: sourceRef(route.handler, rel),
    router: routerRef(route, rel),
    middleware: route.middleware.map((m) => middleware(m, rel)),
    ...conditional(route.conditions),
    deps: closures.deps.get(id) ?? { files: [], packages: [], env: [], entities: [] },
  };
  if (route.alsoAt.length > 0) result.alsoAt = route.alsoAt.map((n) => site(n, rel));
  return result;
}

function routerRef(route: FlatRoute, rel: (f: string) => string): NonNullable<Route['router']> {
  const { router, mountPath } = route.owner;
  const holder = router.node.getParent();
  const exported = holder ? exportPath(holder.getKindName() === 'VariableDeclaration' ? holder : router.node) : undefined;
  return { ...site(router.node, rel), ...(exported ? { export: exported } : {}), mountPath, kind: router.kind };
}

function middleware(entry: ChainEntry, rel: (f: string) => string): Middleware {
  const result: Middleware = { ...sourceRef(entry.ref, rel), scope: entry.scope };
  if (entry.ref.expr) {
    result.source = compact(entry.ref.expr.getText());
    result.sourceFile = rel(entry.ref.expr.getSourceFile().getFilePath());
  }
  if (entry.ref.pkg) result.package = entry.ref.pkg;
  if (entry.path) result.path = entry.path;
  if (entry.conditions.length > 0) result.conditional = entry.conditions.join(' && ');
  return result;
}

function sourceRef(ref: FunctionRef, rel: (f: string) => string): SourceRef {
  const exported = ref.fn ? exportPath(ref.fn) : undefined;
  return { name: ref.name, ...site(ref.node, rel), ...(exported ? { export: exported } : {}) };
}

function site(node: Node, rel: (f: string) => string): { file: string; line: number } {
  return { file: rel(node.getSourceFile().getFilePath()), line: node.getStartLineNumber() };
}

function conditional(conditions: string[]): { conditional?: string } {
  return conditions.length > 0 ? { conditional: conditions.join(' && ') } : {};
}
