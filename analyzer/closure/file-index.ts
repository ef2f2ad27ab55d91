import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { unwrap } from '../load/unwrap';

/** What a module-level name of a file refers to. */
export type Binding = { kind: 'declaration'; node: Node } | { kind: 'import'; specifier: string; name: string; site: Node };

/** What an export name of a file refers to. */
export type ExportTarget = { kind: 'local'; name: string } | { kind: 'node'; node: Node } | { kind: 'reexport'; specifier: string; name: string; site: Node };

/** The module-level names, exports and side-effect imports of one file, computed once. */
export interface FileIndex {
  /** Module-level names (declarations and imports). */
  bindings: Map<string, Binding>;
  /**
   * Exports by name; `default` for ES default exports, `=` for the whole `module.exports`
   * (`module.exports = router`, `export = router`).
   */
  exports: Map<string, ExportTarget>;
  /** `export * from` specifiers. */
  starExports: Array<{ specifier: string; site: Node }>;
  /** Imports run only for their side effects (`import './db'`, a bare `require('dotenv').config()`). */
  sideEffects: Array<{ specifier: string; site: Node }>;
}

const cache = new WeakMap<SourceFile, FileIndex>();

/** The index of a file (cached per parsed file). */
export function fileIndex(sourceFile: SourceFile): FileIndex {
  let index = cache.get(sourceFile);
  if (!index) {
    index = buildIndex(sourceFile);
    cache.set(sourceFile, index);
  }
  return index;
}

function buildIndex(sourceFile: SourceFile): FileIndex {
  const index: FileIndex = { bindings: new Map(), exports: new Map(), starExports: [], sideEffects: [] };
  for (const statement of sourceFile.getStatements()) indexStatement(index, statement);
  return index;
}

function indexStatement(index: FileIndex, statement: Node): void {
  if (Node.isImportDeclaration(statement)) {
    indexImport(index, statement);
  } else if (Node.isExportDeclaration(statement)) {
    const specifier = statement.getModuleSpecifierValue();
    if (specifier && statement.getNamedExports().length === 0) index.starExports.push({ specifier, site: statement });
    for (const named of statement.getNamedExports()) {
      const exported = named.getAliasNode()?.getText() ?? named.getName();
      index.exports.set(
        exported,
        specifier ? { kind: 'reexport', specifier, name: named.getName(), site: statement } : { kind: 'local', name: named.getName() },
      );
    }
  } else if (Node.isExportAssignment(statement)) {
    index.exports.set(statement.isExportEquals() ? '=' : 'default', { kind: 'node', node: statement.getExpression() });
  } else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
    const name = statement.getName();
    if (name) index.bindings.set(name, { kind: 'declaration', node: statement });
    if (statement.hasExportKeyword()) index.exports.set(statement.hasDefaultKeyword() ? 'default' : (name ?? 'default'), { kind: 'node', node: statement });
  } else if (Node.isVariableStatement(statement)) {
    for (const decl of statement.getDeclarations()) indexVariable(index, decl, statement.hasExportKeyword());
  } else if (Node.isEnumDeclaration(statement)) {
    index.bindings.set(statement.getName(), { kind: 'declaration', node: statement });
  } else if (Node.isExpressionStatement(statement)) {
    indexExpressionStatement(index, statement.getExpression());
  }
}

function indexImport(index: FileIndex, decl: import('ts-morph').ImportDeclaration): void {
  if (decl.isTypeOnly()) return;
  const specifier = decl.getModuleSpecifierValue();
  const defaultImport = decl.getDefaultImport();
  const namespace = decl.getNamespaceImport();
  const named = decl.getNamedImports().filter((n) => !n.isTypeOnly());
  if (defaultImport) index.bindings.set(defaultImport.getText(), { kind: 'import', specifier, name: 'default', site: decl });
  if (namespace) index.bindings.set(namespace.getText(), { kind: 'import', specifier, name: '*', site: decl });
  for (const n of named) index.bindings.set(n.getAliasNode()?.getText() ?? n.getName(), { kind: 'import', specifier, name: n.getName(), site: decl });
  if (!defaultImport && !namespace && decl.getNamedImports().length === 0) index.sideEffects.push({ specifier, site: decl });
}

function indexVariable(index: FileIndex, decl: import('ts-morph').VariableDeclaration, exported: boolean): void {
  const nameNode = decl.getNameNode();
  const required = requireOf(decl.getInitializer());
  if (required) {
    if (Node.isIdentifier(nameNode)) {
      index.bindings.set(nameNode.getText(), { kind: 'import', specifier: required.specifier, name: required.property ?? '*', site: decl });
    } else if (Node.isObjectBindingPattern(nameNode)) {
      for (const element of nameNode.getElements()) {
        const imported = element.getPropertyNameNode()?.getText() ?? element.getName();
        index.bindings.set(element.getName(), { kind: 'import', specifier: required.specifier, name: imported, site: decl });
      }
    }
    return;
  }
  if (Node.isIdentifier(nameNode)) {
    index.bindings.set(nameNode.getText(), { kind: 'declaration', node: decl });
    if (exported) index.exports.set(nameNode.getText(), { kind: 'node', node: decl });
    // `var app = module.exports = express()` exports what it declares; prettier writes it `const app = (module.exports = express())`.
    const initializer = unwrap(decl.getInitializer());
    if (initializer && Node.isBinaryExpression(initializer) && initializer.getOperatorToken().getKind() === SyntaxKind.EqualsToken)
      indexExpressionStatement(index, initializer);
  } else {
    for (const element of nameNode.getDescendants().filter(Node.isBindingElement)) {
      index.bindings.set(element.getName(), { kind: 'declaration', node: decl });
      if (exported) index.exports.set(element.getName(), { kind: 'node', node: decl });
    }
  }
}

/** `module.exports = x`, `exports.a = x`, `module.exports.a = x`, and side-effect `require('x')`. */
function indexExpressionStatement(index: FileIndex, expr: Node): void {
  const required = requireOf(expr) ?? (Node.isCallExpression(expr) ? requireOf(calleeObject(expr)) : undefined);
  if (required) {
    index.sideEffects.push({ specifier: required.specifier, site: expr });
    return;
  }
  if (!Node.isBinaryExpression(expr) || expr.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return;
  const left = expr.getLeft().getText().replace(/\s+/g, '');
  const right = expr.getRight();
  if (left === 'module.exports') {
    index.exports.set('=', { kind: 'node', node: right });
    if (Node.isObjectLiteralExpression(right)) {
      for (const property of right.getProperties()) {
        if (Node.isShorthandPropertyAssignment(property)) index.exports.set(property.getName(), { kind: 'local', name: property.getName() });
        else if (Node.isPropertyAssignment(property) || Node.isMethodDeclaration(property))
          index.exports.set(property.getName(), { kind: 'node', node: property });
      }
    }
    return;
  }
  const match = /^(?:module\.)?exports\.([\w$]+)$/.exec(left);
  if (match?.[1]) index.exports.set(match[1], { kind: 'node', node: right });
}

function calleeObject(call: Node): Node | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
}

/** `require('x')` or `require('x').prop` as written. */
export function requireOf(node: Node | undefined): { specifier: string; property?: string } | undefined {
  if (!node) return undefined;
  if (Node.isPropertyAccessExpression(node)) {
    const inner = requireOf(node.getExpression());
    return inner && !inner.property ? { specifier: inner.specifier, property: node.getName() } : undefined;
  }
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  const arg = node.getArguments()[0];
  if (Node.isIdentifier(callee) && callee.getText() === 'require' && arg && Node.isStringLiteral(arg)) return { specifier: arg.getLiteralValue() };
  return undefined;
}
