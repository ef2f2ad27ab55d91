import { type CallExpression, Node, SyntaxKind } from 'ts-morph';
import type { HazardContext } from '../types';
import { resolveFunction } from './exports';
import { calleeName, functionChain, type FunctionLike, isFunctionLike, propertyValue, unwrap } from './syntax';

const MAX_DEPTH = 4;
const MAX_FUNCTIONS = 40;
const TIMERS = new Set(['setTimeout', 'setInterval']);

/**
 * Whether the callback of a `setTimeout` call arms a timer again, so the timeout repeats: it runs
 * the code that armed it (`function tick() { work(); setTimeout(tick, ms); }`, or a callback
 * calling `schedule()` that holds the `setTimeout`), hands itself to another timer
 * (`setTimeout(function loop() { ...; setTimeout(loop, ms); }, ms)`).
 * Follows the app's own functions the callback calls, a few calls deep. A callback that cannot
 * be resolved counts as one-shot.
 */
export function rearms(ctx: HazardContext, call: CallExpression): boolean {
  const first = call.getArguments()[0];
  const callback = first && callbackFunction(ctx, first);
  if (!callback) return false;
  const armers = new Set(functionChain(call));
  const seen = new Set<FunctionLike>([callback]);
  let frontier = [callback];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: FunctionLike[] = [];
    for (const fn of frontier) {
      if (armers.has(fn)) return true;
      for (const inner of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const name = calleeName(inner);
        const arg = inner.getArguments()[0];
        const rearmed = name === 'setTimeout' && arg ? callbackFunction(ctx, arg) : undefined;
        if (rearmed && seen.has(rearmed)) return true;
        const target = callbackFunction(ctx, inner.getExpression());
        if (!target || seen.has(target) || seen.size >= MAX_FUNCTIONS) continue;
        if (armers.has(target)) return true;
        seen.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * The function an expression stands for: a function written in place, one a name or an app
 * module's export holds, a method of the enclosing class or object (`this.tick`), or what
 * `.bind(...)` binds.
 */
function callbackFunction(ctx: HazardContext, expr: Node): FunctionLike | undefined {
  const n = unwrap(expr);
  if (isFunctionLike(n)) return n;
  if (Node.isCallExpression(n) && calleeName(n) === 'bind') {
    const callee = unwrap(n.getExpression());
    return Node.isPropertyAccessExpression(callee) ? callbackFunction(ctx, callee.getExpression()) : undefined;
  }
  if (Node.isPropertyAccessExpression(n) && n.getExpression().getKind() === SyntaxKind.ThisKeyword) return ownMethod(n.getParentOrThrow(), n.getName());
  if (Node.isIdentifier(n) && TIMERS.has(n.getText())) return undefined;
  return resolveFunction(ctx, n);
}

/** The method `name` of the class or object literal around `node`. */
function ownMethod(node: Node, name: string): FunctionLike | undefined {
  const owner = node.getFirstAncestor((a) => Node.isClassDeclaration(a) || Node.isClassExpression(a) || Node.isObjectLiteralExpression(a));
  if (owner && (Node.isClassDeclaration(owner) || Node.isClassExpression(owner))) return owner.getMethod(name);
  const value = owner && propertyValue(owner, name);
  return value && isFunctionLike(unwrap(value)) ? unwrap(value) : undefined;
}
