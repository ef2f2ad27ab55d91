import { Node } from 'ts-morph';
import type { Evaluator } from '../evaluator/evaluator';
import { compact } from '../evaluator/text';
import type { Value } from '../evaluator/values';

/** What a handler or middleware argument resolves to, described for the Analysis. */
export interface FunctionRef {
  /** Declared name, `<anonymous>`, or the call text of a factory. */
  name: string;
  /** Where the function is declared, or the registration site for library code. */
  node: Node;
  /** The npm package of library middleware. */
  pkg?: string;
  /** The monolith function that runs, when known. */
  fn?: Node;
  /** Parameter count of the function Express calls (4 marks an error handler). */
  arity?: number;
  /** The argument expression as written at the registration (closure starts here too). */
  expr?: Node;
}

const MAX_NAME = 80;

/**
 * Describes a handler or middleware argument, seeing through wrappers: a call whose argument
 * is a function of the app (`asyncHandler(getUser)`) describes that function; a factory call
 * (`requireRole('admin')`, `helmet()`) is named by its call text.
 */
export function describeArgument(ev: Evaluator, value: Value, node: Node, role: 'handler' | 'middleware'): FunctionRef {
  if (Node.isCallExpression(node)) {
    const args = ev.callArguments.get(node) ?? [];
    const argNodes = node.getArguments();
    const wrapped = args.findIndex((a) => a.kind === 'function');
    if (wrapped >= 0 && argNodes[wrapped] && !isBind(node)) {
      const inner = describeArgument(ev, args[wrapped]!, argNodes[wrapped]!, role);
      return { ...inner, arity: value.kind === 'function' ? arity(value.node) : inner.arity };
    }
    const text = shorten(compact(node.getText()));
    if (value.kind === 'function') {
      // A handler factory (`login()`) stands for the function it returns; a middleware factory
      // (`requireRole('admin')`) is named by its call, which says how it was configured.
      const name = role === 'middleware' && !isBind(node) ? text : declaredName(value.node);
      return { name, node: value.node, fn: value.node, arity: arity(value.node) };
    }
    if (value.kind === 'lib') return { name: text, node, pkg: value.pkg };
    return { name: text, node };
  }
  if (value.kind === 'function') {
    const declared = declaredName(value.node);
    const name = declared === '<anonymous>' && !isInline(node) ? compact(node.getText()) : declared;
    return { name, node: value.node, fn: value.node, arity: arity(value.node) };
  }
  if (value.kind === 'lib') return { name: shorten(compact(node.getText())), node, pkg: value.pkg };
  if (value.kind === 'express-static') return { name: shorten(compact(node.getText())), node, pkg: 'express' };
  return { name: shorten(compact(node.getText())), node };
}

function isBind(node: Node): boolean {
  const callee = Node.isCallExpression(node) ? node.getExpression() : undefined;
  return !!callee && Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind';
}

function isInline(node: Node): boolean {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node);
}

function shorten(text: string): string {
  return text.length > MAX_NAME ? text.slice(0, MAX_NAME - 1) + '…' : text;
}

/** Parameter count of a function-like node. */
export function arity(node: Node): number | undefined {
  if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return node.getParameters().length;
  return undefined;
}

/**
 * The name a function is declared under: `getUser` for a declaration or a variable holding
 * an arrow, `UserController.list` for a class member, `users.list` for a method of an object
 * literal held in `users`, `download` for `exports.download = function`, else `<anonymous>`.
 */
export function declaredName(node: Node): string {
  if (Node.isFunctionDeclaration(node)) return node.getName() ?? (node.hasDefaultKeyword() ? 'default' : '<anonymous>');
  if (Node.isFunctionExpression(node) && node.getName()) return node.getName()!;
  const parent = node.getParent();
  if (!parent) return '<anonymous>';
  if (Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node)) return memberOf(parent, node.getName());
  if (Node.isVariableDeclaration(parent)) return parent.getName();
  if (Node.isPropertyAssignment(parent)) return memberOf(parent.getParent(), parent.getName());
  if (Node.isPropertyDeclaration(parent)) return memberOf(parent.getParent(), parent.getName());
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getText() === '=') {
    const left = parent.getLeft();
    if (Node.isPropertyAccessExpression(left)) {
      const owner = compact(left.getExpression().getText());
      return owner === 'exports' || owner === 'module.exports' || owner === 'this' ? left.getName() : `${owner}.${left.getName()}`;
    }
    if (Node.isIdentifier(left)) return left.getText();
  }
  if (Node.isExportAssignment(parent)) return 'default';
  return '<anonymous>';
}

function memberOf(owner: Node | undefined, name: string): string {
  if (!owner) return name;
  if (Node.isClassDeclaration(owner) || Node.isClassExpression(owner)) {
    const holder = owner.getParent();
    const className = owner.getName() ?? (holder && Node.isVariableDeclaration(holder) ? holder.getName() : undefined);
    return className ? `${className}.${name}` : name;
  }
  if (Node.isObjectLiteralExpression(owner)) {
    const holder = owner.getParent();
    if (holder && Node.isVariableDeclaration(holder)) return `${holder.getName()}.${name}`;
  }
  return name;
}
