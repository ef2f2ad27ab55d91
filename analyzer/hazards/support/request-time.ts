import { Node } from 'ts-morph';
import type { HazardContext } from '../types';
import { bootFunctions } from './boot-calls';
import { resolveFunction } from './exports';
import { filesThatMayReference } from './importers';
import { hostOf, identifiersNamed, phaseOf } from './phase';
import { declaredName, type FunctionLike, unwrap } from './syntax';

const cache = new WeakMap<HazardContext, Map<Node, boolean>>();

/**
 * Whether `node` may run while a request (or another event) is handled, across files: code at
 * boot is not, and neither is an exported function that every reference in the app calls
 * from boot code (`connectDb()` at the top of server.js).
 */
export function runsAtRequestTime(ctx: HazardContext, node: Node): boolean {
  if (phaseOf(node) === 'boot') return false;
  const host = hostOf(node);
  return Node.isSourceFile(host) || !onlyCalledAtBoot(ctx, host);
}

/** An app function called somewhere, and only ever called from boot code (exports and requires do not count as uses). */
function onlyCalledAtBoot(ctx: HazardContext, fn: FunctionLike): boolean {
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  const hit = perCtx.get(fn);
  if (hit !== undefined) return hit;
  perCtx.set(fn, false);
  const result = computeOnlyAtBoot(ctx, fn);
  perCtx.set(fn, result);
  return result;
}

function computeOnlyAtBoot(ctx: HazardContext, fn: FunctionLike): boolean {
  // `module.exports = function (app) {...}` has no name to search for; its callers get it from
  // `require('./x')`, so a startup call that reaches it is taken as its only use
  if (isWholeModuleExport(fn)) return bootFunctions(ctx).has(fn);
  const name = declaredName(fn);
  if (!name || Node.isMethodDeclaration(fn)) return false;
  const parent = fn.getParent();
  const own = Node.isFunctionDeclaration(fn) ? fn.getNameNode() : parent && Node.isVariableDeclaration(parent) ? parent.getNameNode() : undefined;
  let calls = 0;
  for (const sf of filesThatMayReference(ctx, fn.getSourceFile())) {
    for (const id of identifiersNamed(sf, name)) {
      if (id === own) continue;
      const up = id.getParent();
      const expr = up && Node.isPropertyAccessExpression(up) && up.getNameNode() === id ? up : id;
      const call = expr.getParent();
      const isCallee = !!call && Node.isCallExpression(call) && unwrap(call.getExpression()) === expr;
      // cheap syntax first: a callee is never an import or export binding, and most uses are calls
      if (!isCallee && isExportOrImport(id)) continue;
      if (resolveFunction(ctx, expr) !== fn) continue;
      if (!isCallee) return false;
      if (fn.containsRange(call.getPos(), call.getEnd())) continue;
      if (phaseOf(call) !== 'boot') return false;
      calls++;
    }
  }
  return calls > 0;
}

/** Identifiers that name an export or an import binding, or are the exported value itself (`module.exports = { load }`). */
function isExportOrImport(id: Node): boolean {
  // import and export specifiers sit at most four levels below their declaration
  let level = 0;
  for (let a = id.getParent(); a && level < 5; a = a.getParent(), level++) {
    if (Node.isImportDeclaration(a) || Node.isExportDeclaration(a) || Node.isImportEqualsDeclaration(a)) return true;
  }
  let child: Node = id;
  for (let n = id.getParent(); n && !Node.isSourceFile(n); child = n, n = n.getParent()) {
    if (Node.isExportAssignment(n) || Node.isBindingElement(n)) return true;
    if (Node.isShorthandPropertyAssignment(n) || Node.isObjectLiteralExpression(n)) continue;
    if (Node.isPropertyAssignment(n) && n.getInitializer() === child) continue;
    if (Node.isCallExpression(n) && n.getExpression().getText() === 'Object.assign') continue;
    if (Node.isBinaryExpression(n) && n.getRight() === child) return /^(module\.)?exports\b/.test(n.getLeft().getText());
    return false;
  }
  return false;
}

/** `module.exports = function ...`, `export default function ...` (anonymous or not). */
function isWholeModuleExport(fn: FunctionLike): boolean {
  if (Node.isFunctionDeclaration(fn)) return fn.hasDefaultKeyword();
  const parent = fn.getParent();
  if (parent && Node.isExportAssignment(parent)) return true;
  return !!parent && Node.isBinaryExpression(parent) && parent.getRight() === fn && parent.getLeft().getText().replace(/\s+/g, '') === 'module.exports';
}
