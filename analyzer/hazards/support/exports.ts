import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import type { HazardContext } from '../types';
import { moduleRef } from './imports';
import { findDeclaration } from './scopes';
import { isFunctionLike, propertyValue, unwrap } from './syntax';

/** The app file an import specifier leads to, or undefined for packages and unknown files. */
export function resolveLocalModule(ctx: HazardContext, fromFile: string, spec: string): SourceFile | undefined {
  const resolved = ctx.resolveImport(spec, fromFile);
  return resolved === undefined ? undefined : ctx.files.get(resolved);
}

/**
 * What an expression refers to, across files: a local declaration (variable, function, class),
 * or the value an app module exports (`import { x } from './y'`, `require('./y').x`,
 * `module.exports = { x }`). Undefined for packages and for what cannot be known statically.
 */
export function resolveValue(ctx: HazardContext, expr: Node, depth = 0): Node | undefined {
  if (depth > 6) return undefined;
  const n = unwrap(expr);
  const ref = moduleRef(n);
  if (ref) {
    const target = resolveLocalModule(ctx, n.getSourceFile().getFilePath(), ref.module);
    if (!target) return undefined;
    let value = exportedValue(ctx, target, ref.path[0] ?? '*', depth + 1);
    for (const name of ref.path.slice(1)) {
      const inner = value ? propertyValue(initializerOf(value), name) : undefined;
      value = inner ? (resolveValue(ctx, inner, depth + 1) ?? inner) : undefined;
    }
    return value;
  }
  if (Node.isIdentifier(n)) {
    const decl = findDeclaration(n);
    return decl && !Node.isParameterDeclaration(decl) && !Node.isBindingElement(decl) ? decl : undefined;
  }
  if (Node.isPropertyAccessExpression(n)) {
    const base = resolveValue(ctx, n.getExpression(), depth + 1);
    const inner = base ? propertyValue(initializerOf(base), n.getName()) : undefined;
    return inner ? (resolveValue(ctx, inner, depth + 1) ?? inner) : undefined;
  }
  return isFunctionLike(n) || Node.isObjectLiteralExpression(n) || Node.isClassExpression(n) ? n : undefined;
}

/** The function a callee refers to (a declaration, or the function a variable holds). */
export function resolveFunction(ctx: HazardContext, expr: Node): Node | undefined {
  const value = resolveValue(ctx, expr);
  if (!value) return undefined;
  if (isFunctionLike(value)) return value;
  const init = Node.isVariableDeclaration(value) ? value.getInitializer() : undefined;
  return init && isFunctionLike(unwrap(init)) ? unwrap(init) : undefined;
}

/** The initializer of a variable declaration, or the node itself. */
export function initializerOf(node: Node): Node {
  const init = Node.isVariableDeclaration(node) ? node.getInitializer() : undefined;
  return init ? unwrap(init) : node;
}

/**
 * A file's export by name (`default`, a named export, or `*` for the whole CommonJS
 * `module.exports` value), as its declaration node.
 */
export function exportedValue(ctx: HazardContext, sf: SourceFile, name: string, depth = 0): Node | undefined {
  for (const s of sf.getStatements()) {
    const found = esmExport(s, name) ?? cjsExport(ctx, s, name, depth);
    if (found) return found;
  }
  return undefined;
}

function esmExport(s: Node, name: string): Node | undefined {
  if (Node.isExportAssignment(s) && (name === 'default' || name === '*')) return local(s.getExpression());
  if (!Node.isExportable(s) || !s.hasExportKeyword()) {
    if (Node.isExportDeclaration(s) && !s.getModuleSpecifier()) {
      const spec = s.getNamedExports().find((e) => (e.getAliasNode() ?? e.getNameNode()).getText() === name);
      return spec ? findDeclaration(spec.getNameNode()) : undefined;
    }
    return undefined;
  }
  if (Node.isVariableStatement(s)) return s.getDeclarations().find((d) => d.getName() === name);
  const isDefault = s.hasDefaultKeyword();
  if ((Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && ((isDefault && (name === 'default' || name === '*')) || s.getName() === name)) return s;
  return undefined;
}

function cjsExport(ctx: HazardContext, s: Node, name: string, depth: number): Node | undefined {
  if (!Node.isExpressionStatement(s)) return undefined;
  const e = unwrap(s.getExpression());
  if (!Node.isBinaryExpression(e) || e.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return undefined;
  const target = e.getLeft().getText().replace(/\s+/g, '');
  const value = unwrap(e.getRight());
  if (target === 'module.exports') {
    if (name === '*' || name === 'default') return local(value);
    const inner = propertyValue(value, name);
    return inner ? (resolveValue(ctx, inner, depth + 1) ?? inner) : undefined;
  }
  if (target === `module.exports.${name}` || target === `exports.${name}`) return local(value);
  return undefined;
}

/** An identifier's local declaration, or the expression itself. */
function local(expr: Node): Node {
  const n = unwrap(expr);
  return Node.isIdentifier(n) ? (findDeclaration(n) ?? n) : n;
}
