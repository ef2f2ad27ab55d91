import { type CallExpression, Node, SyntaxKind } from 'ts-morph';
import { callArrayMethod, callMapMethod, callStringMethod } from './builtin-methods';
import type { Argument, EvalContext, Evaluator } from './evaluator';
import { memberName } from './expressions';
import type { Scope } from './scope';
import { compact } from './text';
import { UNDEFINED, type Value, str, unknown } from './values';

/** Evaluates a call: `require`/`import()`, the host's methods (Express's API), builtins, then plain calls. */
export function evaluateCall(ev: Evaluator, node: CallExpression, scope: Scope, ctx: EvalContext): Value {
  const calleeNode = node.getExpression();
  const moduleLoad = loadCall(ev, node, calleeNode, scope, ctx);
  if (moduleLoad) return moduleLoad;
  const args = evaluateArguments(ev, node.getArguments(), scope, ctx);
  const values = args.map((a) => a.value);
  ev.callArguments.set(node, values);
  if (calleeNode.getKind() === SyntaxKind.SuperKeyword) {
    const self = scope.lookup('this');
    const base = scope.lookup('super');
    if (self && base && base.kind === 'class') ev.construct({ ...base, statics: base.statics }, values, { ...ctx, conditions: ctx.conditions }, node);
    return UNDEFINED;
  }
  if (Node.isPropertyAccessExpression(calleeNode) || Node.isElementAccessExpression(calleeNode)) {
    const target = ev.evaluate(calleeNode.getExpression(), scope, ctx);
    const name = memberName(ev, calleeNode, scope, ctx);
    if (name === undefined) return unknown(compact(node.getText()), node);
    const special = methodCall(ev, target, name, args, node, ctx);
    if (special !== undefined) return special;
    return ev.call(ev.member(target, name, calleeNode), values, target, ctx, node);
  }
  return ev.call(ev.evaluate(calleeNode, scope, ctx), values, undefined, ctx, node);
}

function loadCall(ev: Evaluator, node: CallExpression, calleeNode: Node, scope: Scope, ctx: EvalContext): Value | undefined {
  const isImport = calleeNode.getKind() === SyntaxKind.ImportKeyword;
  const isRequire = Node.isIdentifier(calleeNode) && calleeNode.getText() === 'require' && scope.lookup('require') === undefined;
  if (!isImport && !isRequire) return undefined;
  const argNode = node.getArguments()[0];
  if (!argNode) return unknown(node.getText(), node);
  const spec = ev.evaluate(argNode, scope, ctx);
  if (spec.kind !== 'string' || spec.dynamic) {
    ev.diagnostics.atNode(
      'DYNAMIC_REQUIRE',
      'warning',
      node,
      `module path not statically known: ${compact(node.getText())}`,
      'routes registered by that module cannot be followed; use a literal path or pass --entry',
    );
    return unknown(compact(node.getText()), node);
  }
  if (spec.value.startsWith('/')) return ev.loadPath(spec.value, node, ctx);
  return ev.load(spec.value, node, ctx);
}

/** Evaluates call arguments, expanding spreads of known arrays. */
export function evaluateArguments(ev: Evaluator, nodes: Node[], scope: Scope, ctx: EvalContext): Argument[] {
  const args: Argument[] = [];
  for (const node of nodes) {
    if (Node.isSpreadElement(node)) {
      const spread = ev.evaluate(node.getExpression(), scope, ctx);
      if (spread.kind === 'array') for (const value of spread.elements) args.push({ value, node });
      else args.push({ value: unknown(node.getText(), node), node });
    } else {
      args.push({ value: ev.evaluate(node, scope, ctx), node });
    }
  }
  return args;
}

/** Calls with a meaning of their own on the target's kind (the host's values first); `undefined` for a plain call. */
function methodCall(ev: Evaluator, target: Value, name: string, args: Argument[], node: CallExpression, ctx: EvalContext): Value | undefined {
  const hosted = ev.host.methodCall(ev, target, name, args, node, ctx);
  if (hosted !== undefined) return hosted;
  const values = args.map((a) => a.value);
  switch (target.kind) {
    case 'array':
      return callArrayMethod(ev, target, name, values, ctx, node);
    case 'map':
      return callMapMethod(ev, target, name, values, ctx, node);
    case 'string':
      return callStringMethod(target, name, values, node);
    case 'function':
      return functionMethod(ev, target, name, values, ctx, node);
    default:
      break;
  }
  return promiseMethod(ev, target, name, values, ctx, node);
}

function functionMethod(ev: Evaluator, fn: Value, name: string, args: Value[], ctx: EvalContext, node: Node): Value | undefined {
  if (fn.kind !== 'function') return undefined;
  if (name === 'call') return ev.call(fn, args.slice(1), args[0], ctx, node);
  if (name === 'apply') {
    const list = args[1];
    return ev.call(fn, list?.kind === 'array' ? list.elements : [], args[0], ctx, node);
  }
  if (name === 'bind') return { ...fn, thisValue: args[0], boundArgs: [...(fn.boundArgs ?? []), ...args.slice(1)] };
  return undefined;
}

/**
 * `.then(cb)` runs `cb` with the awaited value (promises are not modelled: an async result is its
 * value); `.catch` is skipped (it only runs on failure); `.finally(cb)` runs `cb`.
 */
function promiseMethod(ev: Evaluator, target: Value, name: string, args: Value[], ctx: EvalContext, node: Node): Value | undefined {
  if (target.kind === 'lib' && target.pkg !== '<global>') return undefined;
  if (target.kind === 'unknown') return undefined;
  if (name === 'then') {
    const onFulfilled = args[0];
    return onFulfilled && onFulfilled.kind === 'function' ? ev.call(onFulfilled, [target], undefined, ctx, node) : target;
  }
  if (name === 'catch') return target;
  if (name === 'finally') {
    const cb = args[0];
    if (cb && cb.kind === 'function') ev.call(cb, [], undefined, ctx, node);
    return target;
  }
  if (name === 'toString' && target.kind === 'number') return str(String(target.value));
  return undefined;
}
