import { type CallExpression, Node } from 'ts-morph';
import type { HazardContext } from '../types';
import { resolveValue } from './exports';
import { appFiles } from './files';
import { isModuleLevel } from './scopes';
import { anchorOf, calleeName, callsIn, receiverOf } from './syntax';

const cache = new WeakMap<HazardContext, Map<string, Map<Node, CallExpression[]>>>();

/**
 * Calls of `methods` on values held by variables, grouped by the variable's declaration
 * (followed through imports): the `upload.single('image')` sites of `const upload = multer()`.
 */
export function methodCallsByDeclaration(ctx: HazardContext, methods: string[]): Map<Node, CallExpression[]> {
  const key = methods.join(',');
  let perCtx = cache.get(ctx);
  if (!perCtx) cache.set(ctx, (perCtx = new Map()));
  const hit = perCtx.get(key);
  if (hit) return hit;
  const wanted = new Set(methods);
  const result = new Map<Node, CallExpression[]>();
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const name = calleeName(call);
      const receiver = receiverOf(call);
      if (!name || !wanted.has(name) || !receiver) continue;
      const decl = resolveValue(ctx, receiver);
      if (!decl || !Node.isVariableDeclaration(decl)) continue;
      const list = result.get(decl) ?? [];
      list.push(call);
      result.set(decl, list);
    }
  }
  perCtx.set(key, result);
  return result;
}

/** The variable declaration a value is assigned to (`const upload = multer()` for the call). */
export function holderOf(node: Node): Node | undefined {
  let n: Node | undefined = node.getParent();
  while (n && (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isAwaitExpression(n))) n = n.getParent();
  return n && Node.isVariableDeclaration(n) ? n : undefined;
}

/** Middleware sites of a multer instance created by `call` (`upload.single(...)`, `.array`, `.fields`, `.any`, `.none`). */
export function multerUses(ctx: HazardContext, call: Node): CallExpression[] {
  const holder = holderOf(call);
  return holder ? (methodCallsByDeclaration(ctx, ['single', 'array', 'fields', 'any', 'none']).get(holder) ?? []) : [];
}

/**
 * The anchor of a value created at a site: the module-level variable it ends up in
 * (`const upload = multer({ storage: multer.diskStorage(...) })` anchors both calls at `upload`),
 * so its routes are those that use the variable; otherwise the enclosing function or file.
 */
export function valueAnchor(node: Node): Node {
  let child: Node = node;
  for (let p = node.getParent(); p; child = p, p = p.getParent()) {
    if (Node.isVariableDeclaration(p)) return p.getInitializer() === child && isModuleLevel(p) ? p : anchorOf(node);
    const inExpression =
      Node.isCallExpression(p) ||
      Node.isNewExpression(p) ||
      Node.isObjectLiteralExpression(p) ||
      Node.isArrayLiteralExpression(p) ||
      Node.isPropertyAssignment(p) ||
      Node.isParenthesizedExpression(p) ||
      Node.isAsExpression(p) ||
      Node.isAwaitExpression(p);
    if (!inExpression) break;
  }
  return anchorOf(node);
}
