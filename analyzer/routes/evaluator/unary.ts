import { Node, SyntaxKind } from 'ts-morph';
import type { EvalContext, Evaluator } from './evaluator';
import type { Scope } from './scope';
import { type Value, str, truthiness, unknown } from './values';

/** `!x`, `-x`, `+x` and `~x` over statically known operands. */
export function prefixUnary(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isPrefixUnaryExpression(node)) return unknown(node.getText(), node);
  const operand = ev.evaluate(node.getOperand(), scope, ctx);
  switch (node.getOperatorToken()) {
    case SyntaxKind.ExclamationToken: {
      const t = truthiness(operand);
      return t === undefined ? unknown(node.getText(), node) : { kind: 'boolean', value: !t };
    }
    case SyntaxKind.MinusToken:
      return operand.kind === 'number' ? { kind: 'number', value: -operand.value } : unknown(node.getText(), node);
    case SyntaxKind.PlusToken:
      return operand.kind === 'number' ? operand : unknown(node.getText(), node);
    // `~list.indexOf(x)` is the old idiom for "list includes x".
    case SyntaxKind.TildeToken:
      return operand.kind === 'number' && operand.soft === undefined ? { kind: 'number', value: ~operand.value } : unknown(node.getText(), node);
    default:
      return unknown(node.getText(), node);
  }
}

/** `typeof x`, when the kind of `x` is statically known (the host says for its own values). */
export function typeOf(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isTypeOfExpression(node)) return unknown(node.getText(), node);
  const operand = ev.evaluate(node.getExpression(), scope, ctx);
  const type = typeName(ev, operand);
  return type === undefined ? unknown(node.getText(), node) : str(type);
}

function typeName(ev: Evaluator, value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      return 'string';
    case 'number':
    case 'boolean':
      return value.soft === undefined ? value.kind : undefined;
    case 'undefined':
      return 'undefined';
    case 'null':
    case 'object':
    case 'array':
    case 'map':
    case 'regex':
      return 'object';
    case 'function':
    case 'class':
      return 'function';
    default:
      return ev.host.typeOf(value);
  }
}
