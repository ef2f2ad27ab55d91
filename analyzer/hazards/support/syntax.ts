import * as path from 'node:path';
import {
  type CallExpression,
  type Expression,
  type KindToNodeMappings,
  type NewExpression,
  Node,
  type ObjectLiteralExpression,
  type SourceFile,
  SyntaxKind,
} from 'ts-morph';
import type { HazardContext } from '../types';
import { unwrap } from '../../load/unwrap';

/** A node that has its own body of code: function, arrow, method, constructor or accessor. */
export type FunctionLike = Node;

/** Whether `node` is a function-like node (its body runs when it is called, not where it stands). */
export function isFunctionLike(node: Node): boolean {
  return (
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isFunctionDeclaration(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node)
  );
}

/** The nearest function-like ancestor of `node` (not `node` itself). */
export function enclosingFunction(node: Node): FunctionLike | undefined {
  for (let n = node.getParent(); n; n = n.getParent()) if (isFunctionLike(n)) return n;
  return undefined;
}

/** Every function-like ancestor of `node`, innermost first, `node` itself first when it is one. */
export function functionChain(node: Node): FunctionLike[] {
  const out: FunctionLike[] = isFunctionLike(node) ? [node] : [];
  for (let n = enclosingFunction(node); n; n = enclosingFunction(n)) out.push(n);
  return out;
}

/**
 * The anchor for a site: the nearest enclosing function (the handler or service function that
 * holds it), or the source file for code at module scope.
 */
export function anchorOf(node: Node): Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}

export { unwrap };

const kindIndex = new WeakMap<SourceFile, Map<SyntaxKind, Node[]>>();

/** Forgets a file's node index (after walking it failed). */
export function forgetIndex(sf: SourceFile): void {
  kindIndex.delete(sf);
}

/** Every node of a kind in a file, in source order (cached per file and kind). */
export function nodesOfKind<K extends SyntaxKind>(sf: SourceFile, kind: K): KindToNodeMappings[K][] {
  let index = kindIndex.get(sf);
  if (!index) kindIndex.set(sf, (index = new Map()));
  let list = index.get(kind);
  if (!list) index.set(kind, (list = sf.getDescendantsOfKind(kind)));
  return list as KindToNodeMappings[K][];
}

/** Every call expression of a file, in source order. */
export function callsIn(sf: SourceFile): CallExpression[] {
  return nodesOfKind(sf, SyntaxKind.CallExpression);
}

/** Every `new` expression of a file, in source order. */
export function newsIn(sf: SourceFile): NewExpression[] {
  return nodesOfKind(sf, SyntaxKind.NewExpression);
}

/** The value of a string literal or a template without substitutions. */
export function stringValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) return n.getLiteralValue();
  return undefined;
}

/** The called member name: `set` for `cache.set(...)`, `eval` for `eval(...)`. */
export function calleeName(call: CallExpression | NewExpression): string | undefined {
  const callee = unwrap(call.getExpression());
  if (Node.isIdentifier(callee)) return callee.getText();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return undefined;
}

/** The receiver of a method call: `cache` for `cache.set(...)`. */
export function receiverOf(call: CallExpression): Expression | undefined {
  const callee = unwrap(call.getExpression());
  return Node.isPropertyAccessExpression(callee) || Node.isElementAccessExpression(callee) ? callee.getExpression() : undefined;
}

/** The identifier an access chain starts from: `stats` for `stats.byStatus[k]`. */
export function rootIdentifier(node: Node): Node | undefined {
  let n = unwrap(node);
  while (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) n = unwrap(n.getExpression());
  return Node.isIdentifier(n) ? n : undefined;
}

/** The value of a property of an object literal, by name (`{ store }` gives the identifier). */
export function propertyValue(obj: Node | undefined, name: string): Node | undefined {
  if (!obj || !Node.isObjectLiteralExpression(obj)) return undefined;
  for (const p of (obj as ObjectLiteralExpression).getProperties()) {
    if (Node.isShorthandPropertyAssignment(p) && p.getName() === name) return p.getNameNode();
    if (Node.isPropertyAssignment(p) && propertyName(p.getNameNode()) === name) return p.getInitializerOrThrow();
    if (Node.isMethodDeclaration(p) && p.getName() === name) return p;
  }
  return undefined;
}

/** The text of a property name node (`a`, `'a'`). */
export function propertyName(node: Node): string | undefined {
  if (Node.isIdentifier(node) || Node.isPrivateIdentifier(node)) return node.getText();
  return stringValue(node) ?? (Node.isNumericLiteral(node) ? node.getText() : undefined);
}

/** Evaluates numeric literal arithmetic (`5 * 60 * 1000`, `60_000`); undefined otherwise. */
export function numericValue(node: Node | undefined): number | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (Node.isNumericLiteral(n)) return n.getLiteralValue();
  if (Node.isBinaryExpression(n)) {
    const left = numericValue(n.getLeft());
    const right = numericValue(n.getRight());
    if (left === undefined || right === undefined) return undefined;
    switch (n.getOperatorToken().getKind()) {
      case SyntaxKind.AsteriskToken:
        return left * right;
      case SyntaxKind.PlusToken:
        return left + right;
      case SyntaxKind.MinusToken:
        return left - right;
      case SyntaxKind.SlashToken:
        return right === 0 ? undefined : left / right;
      default:
        return undefined;
    }
  }
  return undefined;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A body-parser style size (`'10mb'`, `'1gb'`, `5 * 1024 * 1024`) in bytes. */
export function byteSize(node: Node | undefined): number | undefined {
  const text = stringValue(node);
  if (text === undefined) return numericValue(node);
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b)?\s*$/i.exec(text);
  return m ? Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1) : undefined;
}

/** Source text squeezed to one line and cut at `max` characters. */
export function shortText(node: Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The name a function or variable is declared under, when it has one. */
export function declaredName(node: Node): string | undefined {
  if (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isVariableDeclaration(node) || Node.isClassDeclaration(node))
    return node.getName();
  const parent = node.getParent();
  if (parent && (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent) || Node.isPropertyDeclaration(parent))) return parent.getName();
  if (Node.isFunctionExpression(node)) return node.getName();
  return undefined;
}

/** `file:line` of a node, relative to the app dir with '/'. */
export function where(ctx: HazardContext, node: Node): string {
  const file = path.relative(ctx.appDir, node.getSourceFile().getFilePath()).split(path.sep).join('/');
  return `${file}:${node.getStartLineNumber()}`;
}
