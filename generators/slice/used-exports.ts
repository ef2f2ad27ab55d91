import { ts } from 'ts-morph';
import { parseSource, resolveAmong, type SpecifierAliases } from './module-specifiers';

/** The export names an importer uses of a module; `all` when it uses the module as a whole. */
export type UsedExports = ReadonlySet<string> | 'all';

/**
 * Which exports of app module `target` the module `file` (text `text`) uses, through each of its
 * `require()`s and imports of it: `controller.login` and `const { login } = require(...)` name
 * `login`, `require('./c').login` too; the binding passed on, spread, called, read by a computed
 * key, a default import or a dynamic `import()` use it whole. Undefined when `file` does not
 * import `target`. Shadowed names count as uses (more is kept, never less). `aliases` resolves
 * its non-relative specifiers of app files. Pure.
 */
export function usedExportsOf(file: string, text: string, target: string, aliases: SpecifierAliases = {}): UsedExports | undefined {
  const source = parseSource(file, text);
  const only = new Set([target]);
  const names = new Set<string>();
  const bindings: string[] = [];
  let all = false;
  let found = false;
  const isTarget = (specifier: ts.Node | undefined): boolean => {
    const is = !!specifier && ts.isStringLiteralLike(specifier) && resolveAmong(file, specifier.text, only, aliases) === target;
    found ||= is;
    return is;
  };
  const visit = (node: ts.Node): void => {
    if (all) return;
    if (ts.isImportDeclaration(node) && isTarget(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (!clause) return;
      if (clause.name) all = true;
      const bound = clause.namedBindings;
      if (bound && ts.isNamespaceImport(bound)) bindings.push(bound.name.text);
      else if (bound) for (const e of bound.elements) names.add((e.propertyName ?? e.name).text);
      return;
    }
    if (ts.isExportDeclaration(node) && isTarget(node.moduleSpecifier)) {
      all = true;
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && isTarget(node.moduleReference.expression)) {
      bindings.push(node.name.text);
      return;
    }
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      isTarget(node.arguments[0])
    ) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) all = true;
      else takeRequire(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  const takeRequire = (call: ts.CallExpression): void => {
    let at: ts.Node = call;
    while (ts.isParenthesizedExpression(at.parent)) at = at.parent;
    const parent = at.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === at) names.add(parent.name.text);
    else if (ts.isVariableDeclaration(parent) && parent.initializer === at && ts.isIdentifier(parent.name)) bindings.push(parent.name.text);
    else if (ts.isVariableDeclaration(parent) && parent.initializer === at && ts.isObjectBindingPattern(parent.name)) {
      for (const e of parent.name.elements) {
        const key = e.propertyName ?? e.name;
        if (e.dotDotDotToken || !ts.isIdentifier(key)) all = true;
        else names.add(key.text);
      }
    } else all = true;
  };
  visit(source);
  if (!found) return undefined;
  if (all) return 'all';
  for (const binding of bindings) {
    const used = memberReads(source, binding);
    if (used === 'all') return 'all';
    for (const n of used) names.add(n);
  }
  return names;
}

/** The members read off `binding` everywhere in the file (`binding.x`); `all` when it is used any other way. */
function memberReads(source: ts.SourceFile, binding: string): UsedExports {
  const names = new Set<string>();
  let all = false;
  const visit = (node: ts.Node): void => {
    if (all) return;
    if (ts.isIdentifier(node) && node.text === binding && !isDeclarationOrKey(node)) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node && !isWrittenTo(parent)) names.add(parent.name.text);
      else if (ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression) && !isWrittenTo(parent))
        names.add(parent.argumentExpression.text);
      else all = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return all ? 'all' : names;
}

/** The binding's own declaration, or a property name that happens to spell it. */
function isDeclarationOrKey(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (
    (ts.isVariableDeclaration(parent) || ts.isImportEqualsDeclaration(parent) || ts.isNamespaceImport(parent) || ts.isPropertyAssignment(parent)) &&
    parent.name === node
  )
    return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  return false;
}

/** `binding.x = ...`, `binding.x++`: a module changing another's exports, so it needs them all. */
function isWrittenTo(access: ts.Expression): boolean {
  const parent = access.parent;
  if (
    ts.isBinaryExpression(parent) &&
    parent.left === access &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  )
    return true;
  return (
    (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
    (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
  );
}
