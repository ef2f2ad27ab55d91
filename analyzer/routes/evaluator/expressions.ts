import * as path from 'node:path';
import { type BinaryExpression, Node, type PostfixUnaryExpression, type PrefixUnaryExpression, SyntaxKind } from 'ts-morph';
import { propertyKey } from './bindings';
import { assignOpaque, isOpaque } from './opaque-props';
import type { EvalContext, Evaluator } from './evaluator';
import { compact } from './text';
import type { Scope } from './scope';
import { prefixUnary, typeOf } from './unary';
import { type ObjectValue, type Value, UNDEFINED, object, primitive, softOf, str, toStringValue, truthiness, unknown } from './values';

/** Evaluates an expression to the value it is statically known to hold. */
export function evaluateExpression(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  switch (node.getKind()) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return str((node as unknown as { getLiteralValue(): string }).getLiteralValue());
    case SyntaxKind.NumericLiteral:
      return { kind: 'number', value: Number((node as unknown as { getLiteralValue(): number }).getLiteralValue()) };
    case SyntaxKind.TrueKeyword:
      return { kind: 'boolean', value: true };
    case SyntaxKind.FalseKeyword:
      return { kind: 'boolean', value: false };
    case SyntaxKind.NullKeyword:
      return { kind: 'null' };
    case SyntaxKind.RegularExpressionLiteral:
      return { kind: 'regex', text: node.getText() };
    case SyntaxKind.ThisKeyword:
      return scope.lookup('this') ?? UNDEFINED;
    case SyntaxKind.Identifier:
      return identifier(ev, node, scope);
    case SyntaxKind.TemplateExpression:
      return template(ev, node, scope, ctx);
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.AsExpression:
    case SyntaxKind.TypeAssertionExpression:
    case SyntaxKind.NonNullExpression:
    case SyntaxKind.SatisfiesExpression:
    case SyntaxKind.AwaitExpression:
      return ev.evaluate((node as unknown as { getExpression(): Node }).getExpression(), scope, ctx);
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.FunctionExpression:
      return { kind: 'function', node, scope };
    case SyntaxKind.ClassExpression:
      return { kind: 'class', node, scope, statics: new Map() };
    case SyntaxKind.ObjectLiteralExpression:
      return objectLiteral(ev, node, scope, ctx);
    case SyntaxKind.ArrayLiteralExpression:
      return arrayLiteral(ev, node, scope, ctx);
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression:
      return memberAccess(ev, node, scope, ctx);
    case SyntaxKind.NewExpression:
      return newExpression(ev, node, scope, ctx);
    case SyntaxKind.BinaryExpression:
      return binary(ev, node as BinaryExpression, scope, ctx);
    case SyntaxKind.ConditionalExpression:
      return conditional(ev, node, scope, ctx);
    case SyntaxKind.PrefixUnaryExpression:
    case SyntaxKind.PostfixUnaryExpression:
      return isStep(node) ? step(ev, node, scope, ctx) : prefixUnary(ev, node, scope, ctx);
    case SyntaxKind.TypeOfExpression:
      return typeOf(ev, node, scope, ctx);
    case SyntaxKind.VoidExpression:
      return UNDEFINED;
    default:
      return unknown(compact(node.getText()), node);
  }
}

function identifier(ev: Evaluator, node: Node, scope: Scope): Value {
  const name = node.getText();
  const bound = scope.lookup(name);
  if (bound) return bound;
  const file = node.getSourceFile().getFilePath();
  switch (name) {
    case 'undefined':
      return UNDEFINED;
    case '__dirname':
      return str(path.dirname(file));
    case '__filename':
      return str(file);
    case 'NaN':
      return { kind: 'number', value: NaN };
    default:
      return { kind: 'lib', pkg: '<global>', path: [name], text: name, node };
  }
}

function template(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isTemplateExpression(node)) return unknown(node.getText(), node);
  let text = node.getHead().getLiteralText();
  const dynamic: string[] = [];
  let soft: string | undefined;
  for (const span of node.getTemplateSpans()) {
    const value = ev.evaluate(span.getExpression(), scope, ctx);
    const part = toStringValue(value);
    if (part === undefined) {
      text += '{?}';
      dynamic.push(compact(span.getExpression().getText()));
    } else {
      text += part;
      if (value.kind === 'string' && value.dynamic) dynamic.push(...value.dynamic);
    }
    soft ??= softOf(value);
    text += span.getLiteral().getLiteralText();
  }
  const result: Value = { kind: 'string', value: text };
  if (dynamic.length > 0) result.dynamic = dynamic;
  if (soft !== undefined) result.soft = soft;
  return result;
}

function objectLiteral(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isObjectLiteralExpression(node)) return unknown(node.getText(), node);
  const result = object();
  for (const property of node.getProperties()) {
    if (Node.isPropertyAssignment(property)) {
      const key = propertyKey(ev, property.getNameNode(), scope, ctx);
      if (key !== undefined) result.props.set(key, ev.evaluate(property.getInitializerOrThrow(), scope, ctx));
    } else if (Node.isShorthandPropertyAssignment(property)) {
      result.props.set(property.getName(), scope.lookup(property.getName()) ?? unknown(property.getName(), property));
    } else if (Node.isSpreadAssignment(property)) {
      const spread = ev.evaluate(property.getExpression(), scope, ctx);
      if (spread.kind === 'object') for (const [k, v] of spread.props) result.props.set(k, v);
    } else if (Node.isMethodDeclaration(property)) {
      const key = propertyKey(ev, property.getNameNode(), scope, ctx);
      if (key !== undefined) result.props.set(key, { kind: 'function', node: property, scope });
    }
  }
  return result;
}

function arrayLiteral(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isArrayLiteralExpression(node)) return unknown(node.getText(), node);
  const elements: Value[] = [];
  for (const element of node.getElements()) {
    if (Node.isSpreadElement(element)) {
      const spread = ev.evaluate(element.getExpression(), scope, ctx);
      if (spread.kind === 'array') elements.push(...spread.elements);
      else elements.push(unknown(element.getText(), element));
    } else if (!Node.isOmittedExpression(element)) {
      elements.push(ev.evaluate(element, scope, ctx));
    }
  }
  return { kind: 'array', elements };
}

/** The property name of a member access, when statically known. */
export function memberName(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): string | undefined {
  if (Node.isPropertyAccessExpression(node)) return node.getName();
  if (Node.isElementAccessExpression(node)) {
    const arg = node.getArgumentExpression();
    if (!arg) return undefined;
    return toStringValue(ev.evaluate(arg, scope, ctx));
  }
  return undefined;
}

function memberAccess(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isPropertyAccessExpression(node) && !Node.isElementAccessExpression(node)) return unknown(node.getText(), node);
  const target = ev.evaluate(node.getExpression(), scope, ctx);
  const name = memberName(ev, node, scope, ctx);
  if (name === undefined) return unknown(compact(node.getText()), node);
  if (target.kind === 'lib' && target.pkg === '<global>' && target.path.join('.') === 'process.env') {
    return unknown(`process.env.${name}`, node);
  }
  return ev.member(target, name, node);
}

function newExpression(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isNewExpression(node)) return unknown(node.getText(), node);
  const callee = ev.evaluate(node.getExpression(), scope, ctx);
  const args = (node.getArguments() ?? []).map((a) => ev.evaluate(a, scope, ctx));
  return ev.construct(callee, args, ctx, node);
}

function conditional(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Value {
  if (!Node.isConditionalExpression(node)) return unknown(node.getText(), node);
  const test = truthiness(ev.evaluate(node.getCondition(), scope, ctx));
  if (test === true) return ev.evaluate(node.getWhenTrue(), scope, ctx);
  if (test === false) return ev.evaluate(node.getWhenFalse(), scope, ctx);
  const text = compact(node.getCondition().getText());
  const whenTrue = ev.evaluate(node.getWhenTrue(), scope, { ...ctx, conditions: [...ctx.conditions, text] });
  ev.evaluate(node.getWhenFalse(), scope, { ...ctx, conditions: [...ctx.conditions, `!(${text})`] });
  return whenTrue.kind === 'string' ? unknown(compact(node.getText()), node) : whenTrue;
}

function binary(ev: Evaluator, node: BinaryExpression, scope: Scope, ctx: EvalContext): Value {
  const op = node.getOperatorToken().getKind();
  const leftNode = node.getLeft();
  const rightNode = node.getRight();
  if (op === SyntaxKind.EqualsToken) {
    const value = ev.evaluate(rightNode, scope, ctx);
    assign(ev, leftNode, value, scope, ctx);
    return value;
  }
  const left = ev.evaluate(leftNode, scope, ctx);
  switch (op) {
    case SyntaxKind.BarBarToken:
    case SyntaxKind.QuestionQuestionToken: {
      const t = op === SyntaxKind.BarBarToken ? truthiness(left) : nullish(left);
      if (t === true) return left;
      const right = ev.evaluate(rightNode, scope, ctx);
      // `process.env.X || '/api'`: use the default, but remember it stands for something unknown.
      if (t === undefined && (left.kind === 'unknown' || left.kind === 'lib'))
        return soften(right, left.kind === 'unknown' ? left.text : compact(leftNode.getText()));
      return t === false ? right : left;
    }
    case SyntaxKind.AmpersandAmpersandToken: {
      const t = truthiness(left);
      if (t === false) return left;
      const conditions = t === undefined ? [...ctx.conditions, compact(leftNode.getText())] : ctx.conditions;
      const right = ev.evaluate(rightNode, scope, { ...ctx, conditions });
      return t === true ? right : unknown(compact(node.getText()), node);
    }
    case SyntaxKind.PlusEqualsToken:
    case SyntaxKind.BarBarEqualsToken:
    case SyntaxKind.QuestionQuestionEqualsToken: {
      const right = ev.evaluate(rightNode, scope, ctx);
      const value = op === SyntaxKind.PlusEqualsToken ? plus(left, right, node) : truthiness(left) === true ? left : right;
      assign(ev, leftNode, value, scope, ctx);
      return value;
    }
    default:
      return arithmetic(op, left, ev.evaluate(rightNode, scope, ctx), node);
  }
}

function nullish(value: Value): boolean | undefined {
  if (value.kind === 'undefined' || value.kind === 'null') return false;
  if (value.kind === 'unknown' || value.kind === 'lib') return undefined;
  return true;
}

function soften(value: Value, soft: string): Value {
  if (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean') return { ...value, soft };
  return value;
}

function plus(left: Value, right: Value, node: Node): Value {
  if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: left.value + right.value };
  if (left.kind !== 'string' && right.kind !== 'string') return unknown(compact(node.getText()), node);
  const dynamic: string[] = [];
  const part = (v: Value, n: Node | undefined): string => {
    const s = toStringValue(v);
    if (s !== undefined) {
      if (v.kind === 'string' && v.dynamic) dynamic.push(...v.dynamic);
      return s;
    }
    dynamic.push(n ? compact(n.getText()) : '?');
    return '{?}';
  };
  const sides = Node.isBinaryExpression(node) ? [node.getLeft(), node.getRight()] : [undefined, undefined];
  const result: Value = { kind: 'string', value: part(left, sides[0]) + part(right, sides[1]) };
  if (dynamic.length > 0) result.dynamic = dynamic;
  const soft = softOf(left) ?? softOf(right);
  if (soft !== undefined) result.soft = soft;
  return result;
}

function arithmetic(op: SyntaxKind, left: Value, right: Value, node: Node): Value {
  if (op === SyntaxKind.PlusToken) return plus(left, right, node);
  const a = primitive(left);
  const b = primitive(right);
  const soft = softOf(left) ?? softOf(right);
  if (!a || !b || soft !== undefined || isDynamic(left) || isDynamic(right)) return unknown(compact(node.getText()), node);
  const x = a.value as number;
  const y = b.value as number;
  switch (op) {
    case SyntaxKind.EqualsEqualsEqualsToken:
      return { kind: 'boolean', value: a.value === b.value };
    case SyntaxKind.ExclamationEqualsEqualsToken:
      return { kind: 'boolean', value: a.value !== b.value };
    case SyntaxKind.EqualsEqualsToken:
      return { kind: 'boolean', value: a.value == b.value };
    case SyntaxKind.ExclamationEqualsToken:
      return { kind: 'boolean', value: a.value != b.value };
    case SyntaxKind.LessThanToken:
      return { kind: 'boolean', value: x < y };
    case SyntaxKind.LessThanEqualsToken:
      return { kind: 'boolean', value: x <= y };
    case SyntaxKind.GreaterThanToken:
      return { kind: 'boolean', value: x > y };
    case SyntaxKind.GreaterThanEqualsToken:
      return { kind: 'boolean', value: x >= y };
    case SyntaxKind.MinusToken:
      return { kind: 'number', value: x - y };
    case SyntaxKind.AsteriskToken:
      return { kind: 'number', value: x * y };
    default:
      return unknown(compact(node.getText()), node);
  }
}

function isDynamic(value: Value): boolean {
  return value.kind === 'string' && value.dynamic !== undefined;
}

function isStep(node: Node): node is PrefixUnaryExpression | PostfixUnaryExpression {
  return (
    (Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) &&
    (node.getOperatorToken() === SyntaxKind.PlusPlusToken || node.getOperatorToken() === SyntaxKind.MinusMinusToken)
  );
}

/** `i++`, `++i`, `i--`, `--i` (loop counters): a known number steps and is stored back, else the operand becomes unknown. */
function step(ev: Evaluator, node: PrefixUnaryExpression | PostfixUnaryExpression, scope: Scope, ctx: EvalContext): Value {
  const before = ev.evaluate(node.getOperand(), scope, ctx);
  const by = node.getOperatorToken() === SyntaxKind.PlusPlusToken ? 1 : -1;
  const after: Value =
    before.kind === 'number' && before.soft === undefined ? { kind: 'number', value: before.value + by } : unknown(compact(node.getText()), node);
  assign(ev, node.getOperand(), after, scope, ctx);
  return Node.isPostfixUnaryExpression(node) && before.kind === 'number' ? before : after;
}

/** Assigns to an identifier or a property (`exports.x = `, `module.exports = `, `this.r = `). */
export function assign(ev: Evaluator, target: Node, value: Value, scope: Scope, ctx: EvalContext): void {
  if (Node.isIdentifier(target)) {
    scope.assign(target.getText(), value);
    return;
  }
  if (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) {
    const owner = ev.evaluate(target.getExpression(), scope, ctx);
    const name = memberName(ev, target, scope, ctx);
    if (name === undefined) return;
    if (owner.kind === 'object') owner.props.set(name, value);
    else if (owner.kind === 'class') owner.statics.set(name, value);
    else if (owner.kind === 'function') functionProps(owner).set(name, value);
    else if (!ev.host.assign(owner, name, value) && isOpaque(owner)) assignOpaque(owner, name, value);
  }
}

const FUNCTION_PROPS = new WeakMap<Node, ObjectValue>();

/** Properties assigned onto a function (`handler.schema = ...`), kept per declaration. */
export function functionProps(fn: { node: Node }): Map<string, Value> {
  let props = FUNCTION_PROPS.get(fn.node);
  if (!props) {
    props = object();
    FUNCTION_PROPS.set(fn.node, props);
  }
  return props.props;
}
