import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { findDeclaration } from './scopes';
import { calleeName, enclosingFunction, type FunctionLike, nodesOfKind, unwrap } from './syntax';

/** When code runs: while the module loads and the server starts, or later (a request, an event, a timer). */
export type Phase = 'boot' | 'runtime';

/** Callbacks that run right where they are passed: array iteration, promise continuations, `listen`. */
const RUNS_IN_PLACE = new Set([
  'forEach',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'flatMap',
  'then',
  'catch',
  'finally',
  'listen',
]);

/**
 * Whether a function runs in the phase of the code that defines it: an IIFE, an array
 * iteration callback, a promise continuation or executor, a `listen` callback.
 */
export function runsInPlace(fn: FunctionLike): boolean {
  let child: Node = fn;
  let parent = fn.getParent();
  while (parent && Node.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.getParent();
  }
  if (!parent) return false;
  if (Node.isCallExpression(parent)) {
    if (parent.getExpression() === child) return true;
    const name = calleeName(parent);
    return parent.getArguments().includes(child) && name !== undefined && RUNS_IN_PLACE.has(name);
  }
  return Node.isNewExpression(parent) && parent.getExpression().getText() === 'Promise';
}

/** The function whose call runs `node` (skipping functions that run in place), or the file for module-scope code. */
export function hostOf(node: Node): FunctionLike | SourceFile {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (!runsInPlace(fn)) return fn;
  return node.getSourceFile();
}

/**
 * The phase `node` runs in, from its own file alone: module scope and functions only ever
 * called from module scope run at boot; everything else (handlers, exported functions,
 * methods, event callbacks) is taken to run later.
 */
export function phaseOf(node: Node): Phase {
  const host = hostOf(node);
  return Node.isSourceFile(host) || isBootOnly(host) ? 'boot' : 'runtime';
}

const bootOnlyCache = new WeakMap<Node, boolean>();
const inProgress = new Set<Node>();

/**
 * A local function (not exported, never passed around) whose every call runs at boot:
 * `function seed() {...}; seed();`. Calls from inside itself do not count.
 */
export function isBootOnly(fn: FunctionLike): boolean {
  const cached = bootOnlyCache.get(fn);
  if (cached !== undefined) return cached;
  if (inProgress.has(fn)) return false;
  inProgress.add(fn);
  const result = computeBootOnly(fn);
  inProgress.delete(fn);
  bootOnlyCache.set(fn, result);
  return result;
}

function computeBootOnly(fn: FunctionLike): boolean {
  const decl = Node.isFunctionDeclaration(fn) ? fn : fn.getParent();
  if (!decl || !(Node.isFunctionDeclaration(decl) || Node.isVariableDeclaration(decl))) return false;
  if (Node.isVariableDeclaration(decl) && unwrap(decl.getInitializer() ?? decl) !== fn) return false;
  const exported = Node.isFunctionDeclaration(decl) ? decl.hasExportKeyword() : decl.getVariableStatement()?.hasExportKeyword();
  const name = decl.getName();
  if (exported || !name) return false;
  for (const id of identifiersNamed(fn.getSourceFile(), name)) {
    if (id === decl.getNameNode() || fn.containsRange(id.getPos(), id.getEnd())) continue;
    if (findDeclaration(id) !== decl) continue;
    const call = id.getParent();
    if (!call || !Node.isCallExpression(call) || call.getExpression() !== id) return false;
    if (phaseOf(call) !== 'boot') return false;
  }
  return true;
}

const identifierCache = new WeakMap<SourceFile, Map<string, Node[]>>();

/** Every identifier of a file with a given text (cached per file). */
export function identifiersNamed(sf: SourceFile, name: string): Node[] {
  let index = identifierCache.get(sf);
  if (!index) {
    index = new Map();
    for (const id of nodesOfKind(sf, SyntaxKind.Identifier)) {
      const list = index.get(id.getText());
      if (list) list.push(id);
      else index.set(id.getText(), [id]);
    }
    identifierCache.set(sf, index);
  }
  return index.get(name) ?? [];
}
