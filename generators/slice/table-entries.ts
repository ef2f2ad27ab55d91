import { ts } from 'ts-morph';
import { resolveAmong, type SpecifierAliases } from './module-specifiers';
import { boundNames, topLevelImports } from './syntax';

/** The app modules a function's loops over route tables register, split by whether it needs them. */
export interface TableModules {
  /** Modules only other functions need: their loop turns register nothing this function serves. App-relative. */
  elsewhere: ReadonlySet<string>;
  /** Modules this function needs (its routes, mounts or closure). App-relative. */
  needed: ReadonlySet<string>;
}

/**
 * The entries of route tables in `source` that carry only modules other functions need: array
 * elements (`new AuthRoute()` in `new App([new IndexRoute(), new AuthRoute()])`,
 * `{ path: '/auth', route: authRoute }`, `['/auth', authRouter]` of a `Map`) that name a binding
 * imported from, or a literal `require` of, a module of `modules.elsewhere`, and nothing of
 * `modules.needed`. A loop over such a table mounts one router per turn on one line (the
 * analysis saw each turn register another module); without the entry the turn never happens,
 * so the bundle need not carry the module. Only what the element itself holds is inspected: an
 * element nested in another table is dropped with its outermost entry. Sorted by position. Pure.
 */
export function tableEntries(source: ts.SourceFile, fileName: string, modules: TableModules, aliases: SpecifierAliases = {}): ts.Expression[] {
  if (modules.elsewhere.size === 0) return [];
  const known = new Set([...modules.elsewhere, ...modules.needed]);
  const moduleOf = (specifier: string) => resolveAmong(fileName, specifier, known, aliases);
  const bindings = importBindings(source, moduleOf);
  const carriers = new Set<ts.Expression>();
  const visit = (node: ts.Node): void => {
    const module = referencedModule(node, bindings, moduleOf);
    if (module !== undefined && modules.elsewhere.has(module)) {
      const entry = outermostEntry(node);
      if (entry) carriers.add(entry);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const refersToNeeded = (entry: ts.Node): boolean => {
    let found = false;
    const look = (node: ts.Node): void => {
      const module = referencedModule(node, bindings, moduleOf);
      if (module !== undefined && modules.needed.has(module)) found = true;
      if (!found) ts.forEachChild(node, look);
    };
    look(entry);
    return found;
  };
  const kept = [...carriers].filter((e) => !refersToNeeded(e));
  return kept
    .filter((e) => !kept.some((other) => other !== e && other.pos <= e.pos && e.end <= other.end))
    .sort((a, b) => a.getStart(source) - b.getStart(source));
}

/** The app module `node` names: an identifier bound by an import of it, or a `require` of it with a literal argument. */
function referencedModule(node: ts.Node, bindings: ReadonlyMap<string, string>, moduleOf: (specifier: string) => string | undefined): string | undefined {
  if (ts.isIdentifier(node)) return isReference(node) && !isShadowed(node) ? bindings.get(node.text) : undefined;
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!)
  )
    return moduleOf(node.arguments[0].text);
  return undefined;
}

/** Whether a parameter, a catch variable or a declaration in a block around `node` (below the top level) binds its name. */
function isShadowed(node: ts.Identifier): boolean {
  const name = node.text;
  for (let at: ts.Node | undefined = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isFunctionLike(at) && at.parameters.some((p) => boundNames(p.name).includes(name))) return true;
    if (ts.isCatchClause(at) && at.variableDeclaration && boundNames(at.variableDeclaration.name).includes(name)) return true;
    if (
      (ts.isForStatement(at) || ts.isForOfStatement(at) || ts.isForInStatement(at)) &&
      at.initializer &&
      ts.isVariableDeclarationList(at.initializer) &&
      at.initializer.declarations.some((d) => boundNames(d.name).includes(name))
    )
      return true;
    if (ts.isBlock(at) && at.statements.some((s) => declares(s, name))) return true;
  }
  return false;
}

function declares(statement: ts.Statement, name: string): boolean {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((d) => boundNames(d.name).includes(name));
  return (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name;
}

/** Names bound at the top level by imports and `const x = require('...')`, with the app module each names. */
function importBindings(source: ts.SourceFile, moduleOf: (specifier: string) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const { bindings } of topLevelImports(source)) {
    for (const { name, specifier } of bindings) {
      const module = moduleOf(specifier);
      if (module !== undefined) out.set(name, module);
    }
  }
  return out;
}

/** An identifier read as a value: not a declared name, a property name after a dot, or an object key. */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isBindingElement(parent) ||
    ts.isImportClause(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isImportEqualsDeclaration(parent)
  )
    return false;
  if (ts.isFunctionLike(parent) || ts.isClassLike(parent) || ts.isParameter(parent)) return (parent as { name?: ts.Node }).name !== node;
  return true;
}

/**
 * The outermost array element holding `node` through data only: object literals and their
 * properties, nested arrays, property reads, parentheses and type assertions, and, below the
 * first element found, `new X(...)` and calls (as callee or argument: `new AuthRoute()`,
 * `makeRouter(deps)`). Once inside an element, a call or `new` around its array ends the climb
 * (`new App([...])` is not itself an entry). Undefined when `node` sits in no such element.
 */
function outermostEntry(node: ts.Node): ts.Expression | undefined {
  let entry: ts.Expression | undefined;
  let at: ts.Node = node;
  while (at.parent) {
    const parent = at.parent;
    if (ts.isArrayLiteralExpression(parent)) {
      if (ts.isSpreadElement(at)) return entry;
      entry = at as ts.Expression;
    } else if (!(isDataNode(parent) || (entry === undefined && (ts.isNewExpression(parent) || ts.isCallExpression(parent))))) return entry;
    at = parent;
  }
  return entry;
}

function isDataNode(node: ts.Node): boolean {
  return (
    ts.isObjectLiteralExpression(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node)
  );
}
