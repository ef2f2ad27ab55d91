import * as path from 'node:path';
import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { computedRequireFolder } from '../../load/computed-require';
import { isTestPath } from '../../load/source-files';
import type { HazardContext } from '../types';
import { resolveLocalModule } from './exports';
import { requiredModule } from './imports';
import { forgetIndex, nodesOfKind } from './syntax';

/** Node kinds the detectors query; indexed for every file before any detector runs. */
const INDEXED_KINDS = [
  SyntaxKind.CallExpression,
  SyntaxKind.NewExpression,
  SyntaxKind.BinaryExpression,
  SyntaxKind.PrefixUnaryExpression,
  SyntaxKind.PostfixUnaryExpression,
  SyntaxKind.DeleteExpression,
  SyntaxKind.Identifier,
  SyntaxKind.StringLiteral,
  SyntaxKind.VariableDeclaration,
  SyntaxKind.PropertyAssignment,
  SyntaxKind.BindingElement,
  SyntaxKind.ImportEqualsDeclaration,
];

const filesCache = new WeakMap<HazardContext, SourceFile[]>();
const pickedCache = new WeakMap<HazardContext, Map<string, Node>>();

/**
 * The files the served app loads only through a computed `require` of their folder
 * (`require('./drivers/' + driver)`), each with that require: one module of the folder loads, on a
 * condition only run time knows, so what such a file does is conditional. By absolute path.
 */
export function pickedAtRunTime(ctx: HazardContext): ReadonlyMap<string, Node> {
  appFiles(ctx);
  return pickedCache.get(ctx) ?? new Map();
}

/**
 * The files the detectors scan, sorted by path: the app's source files that the served app
 * loads (see `loadedFiles`), test and fixture files excluded. A file whose syntax tree cannot
 * be walked (nesting deep enough to exhaust the stack) is left out and reported through
 * `ctx.onError`, so one pathological file does not stop the stage.
 */
export function appFiles(ctx: HazardContext): SourceFile[] {
  const hit = filesCache.get(ctx);
  if (hit) return hit;
  const walk = loadedFiles(ctx);
  const loaded = walk?.seen;
  pickedCache.set(ctx, walk?.picked ?? new Map());
  const files: SourceFile[] = [];
  const sorted = [...ctx.files.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [file, sf] of sorted) {
    if (isTestPath(path.relative(ctx.appDir, file).split(path.sep).join('/')) || (loaded && !loaded.has(file))) continue;
    try {
      for (const kind of INDEXED_KINDS) nodesOfKind(sf, kind);
      files.push(sf);
    } catch (error) {
      forgetIndex(sf);
      if (!ctx.onError) throw error;
      ctx.onError(error, 'index', file);
    }
  }
  filesCache.set(ctx, files);
  return files;
}

/**
 * Files the served app loads: everything imported or required (with a literal specifier) from
 * the routes' entries and from the files their handlers and middleware live in, transitively.
 * Seed scripts, migrations and CLI tools that no entry loads are left out. Undefined when there
 * are no routes to start from (every file is scanned then).
 */
function loadedFiles(ctx: HazardContext): { seen: Set<string>; picked: Map<string, Node> } | undefined {
  if (!ctx.routes?.length) return undefined;
  const queue: string[] = [];
  const seen = new Set<string>();
  const literal = new Set<string>();
  const picked = new Map<string, Node>();
  const add = (relative: string | undefined, by?: Node): void => {
    if (!relative) return;
    const file = path.resolve(ctx.appDir, relative);
    if (by) {
      if (!literal.has(file) && !picked.has(file)) picked.set(file, by);
    } else {
      literal.add(file);
      picked.delete(file);
    }
    if (!seen.has(file) && ctx.files.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  for (const route of ctx.routes) {
    [route.entry, route.file, route.handler.file, ...route.middleware.map((m) => m.file)].forEach((f) => add(f));
  }
  while (queue.length > 0) {
    const file = queue.pop()!;
    const sf = ctx.files.get(file)!;
    const loads = loadsOf(sf);
    for (const spec of loads.specifiers) {
      const target = resolveLocalModule(ctx, file, spec);
      if (target) add(path.relative(ctx.appDir, target.getFilePath()));
    }
    for (const { folder, call } of loads.folders) {
      const dir = path.resolve(path.dirname(file), folder);
      for (const candidate of ctx.files.keys()) if (path.dirname(candidate) === dir) add(path.relative(ctx.appDir, candidate), call);
    }
  }
  return { seen, picked };
}

/**
 * What a file loads: module specifiers of imports, re-exports, `require` and `import()` of
 * literals; and folders a computed `require` picks a module from (`require('./drivers/' + driver)`,
 * `` require(`./drivers/${name}`) ``), where the served app may load any module, each on a
 * condition only run time knows.
 */
function loadsOf(sf: SourceFile): { specifiers: string[]; folders: Array<{ folder: string; call: Node }> } {
  const specifiers: string[] = [];
  const folders: Array<{ folder: string; call: Node }> = [];
  for (const statement of sf.getStatements()) {
    if (Node.isImportDeclaration(statement)) specifiers.push(statement.getModuleSpecifierValue());
    else if (Node.isExportDeclaration(statement)) {
      const spec = statement.getModuleSpecifierValue();
      if (spec) specifiers.push(spec);
    }
  }
  try {
    for (const call of nodesOfKind(sf, SyntaxKind.CallExpression)) {
      const spec = requiredModule(call);
      const folder = spec === undefined ? computedRequireFolder(call) : undefined;
      if (spec) specifiers.push(spec);
      if (folder) folders.push({ folder, call });
    }
  } catch {
    // a file too deep to walk is reported by appFiles
  }
  return { specifiers, folders };
}
