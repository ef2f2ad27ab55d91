import * as path from 'node:path';
import { Node } from 'ts-morph';
import type { SourceImport } from '../../model/analysis';
import type { ModuleResolver } from '../load/module-resolver';
import { exportPath } from './export-path';
import { fileIndex } from './file-index';

/** Globals whose meaning does not depend on the file they are written in. */
const PORTABLE_GLOBALS = new Set([
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
  'process',
  'Buffer',
  'console',
  'Math',
  'JSON',
  'Number',
  'String',
  'Boolean',
  'Date',
  'Object',
  'Array',
  'RegExp',
  'Error',
  'Symbol',
  'Map',
  'Set',
  'Promise',
  'URL',
  'URLSearchParams',
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'decodeURIComponent',
]);

/**
 * The imports generated code needs to rebuild a registration argument (`express.json({ limit })`,
 * `session({ secret: config.secret })`, `requestId`) outside its file: one per module-level name
 * it uses, resolved to an app file or a package. `undefined` when it cannot be rebuilt: it holds
 * an inline function, a type, `this`, or a name that is local, unexported or file-relative
 * (`__dirname`, `require`).
 */
export function sourceImports(expr: Node, appDir: string, resolver: ModuleResolver): SourceImport[] | undefined {
  // the same registration argument is in the chain of every route after it: work it out once
  if (cache.has(expr)) return cache.get(expr);
  const found = compute(expr, appDir, resolver);
  cache.set(expr, found);
  return found;
}

const cache = new WeakMap<Node, SourceImport[] | undefined>();

function compute(expr: Node, appDir: string, resolver: ModuleResolver): SourceImport[] | undefined {
  if (expr.getFirstDescendant((n) => isOpaque(n)) || isOpaque(expr)) return undefined;
  const file = expr.getSourceFile();
  const bindings = fileIndex(file).bindings;
  const names = new Set<string>();
  for (const id of [expr, ...expr.getDescendants()].filter(Node.isIdentifier)) {
    if (isReference(id)) names.add(id.getText());
  }
  const out: SourceImport[] = [];
  for (const name of [...names].sort()) {
    if (declaredLocally(name, expr)) return undefined;
    const binding = bindings.get(name);
    if (!binding) {
      if (!PORTABLE_GLOBALS.has(name)) return undefined;
      continue;
    }
    if (binding.kind === 'declaration') {
      const exported = exportPath(binding.node);
      if (!exported || exported.includes('.')) return undefined;
      out.push({ local: name, imported: exported, file: relative(appDir, file.getFilePath()) });
      continue;
    }
    const target = resolver.resolve(binding.specifier, file.getFilePath());
    if (target.kind === 'missing') return undefined;
    if (target.kind === 'file') out.push({ local: name, imported: binding.name, file: relative(appDir, target.path) });
    else out.push({ local: name, imported: binding.name, package: binding.specifier });
  }
  return out;
}

function isOpaque(node: Node): boolean {
  return (
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isClassExpression(node) ||
    Node.isThisExpression(node) ||
    Node.isTypeNode(node) ||
    Node.isMetaProperty(node) ||
    Node.isSuperExpression(node)
  );
}

/** Whether an identifier reads a variable (not a property name, key or label). */
function isReference(id: Node): boolean {
  const parent = id.getParent();
  if (!parent) return true;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return false;
  return true;
}

/** Whether `name` is declared in a function or block around `node` (a parameter or local). */
function declaredLocally(name: string, node: Node): boolean {
  for (const scope of node.getAncestors()) {
    if (Node.isSourceFile(scope)) return false;
    if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope) || Node.isFunctionExpression(scope)) {
      if (scope.getParameters().some((p) => bindsName(p.getNameNode(), name))) return true;
    }
    if (Node.isBlock(scope) || Node.isCaseClause(scope) || Node.isDefaultClause(scope)) {
      for (const statement of scope.getStatements()) if (declares(statement, name)) return true;
    }
    if ((Node.isForOfStatement(scope) || Node.isForInStatement(scope) || Node.isForStatement(scope)) && bindsAny(scope.getInitializer(), name)) return true;
    if (Node.isCatchClause(scope) && scope.getVariableDeclaration()?.getName() === name) return true;
  }
  return false;
}

function bindsAny(initializer: Node | undefined, name: string): boolean {
  return !!initializer && Node.isVariableDeclarationList(initializer) && initializer.getDeclarations().some((d) => bindsName(d.getNameNode(), name));
}

function declares(statement: Node, name: string): boolean {
  if (Node.isVariableStatement(statement)) return statement.getDeclarations().some((d) => bindsName(d.getNameNode(), name));
  if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) return statement.getName() === name;
  return false;
}

function bindsName(nameNode: Node, name: string): boolean {
  if (Node.isIdentifier(nameNode)) return nameNode.getText() === name;
  return nameNode.getDescendants().some((d) => Node.isIdentifier(d) && d.getText() === name && Node.isBindingElement(d.getParent()));
}

function relative(appDir: string, file: string): string {
  return path.relative(appDir, file).split(path.sep).join('/');
}
