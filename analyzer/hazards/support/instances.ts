import { type CallExpression, Node } from 'ts-morph';
import type { HazardContext } from '../types';
import { resolveValue } from './exports';
import { appFiles, calleeName, callsIn, receiverOf } from './syntax';

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
