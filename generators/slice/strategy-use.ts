import { ts } from 'ts-morph';
import { parseSource } from './module-specifiers';

/** The passport strategies some code authenticates with. */
export interface StrategyUse {
  /** Strategy names given as literals (`passport.authenticate('github')`, `authenticate(['jwt', 'anonymous'])`). */
  names: Set<string>;
  /** Why the names are not all known (a name computed at run time, passport's `authenticate` handed on as a value), as `file:line: code`; absent when they are. */
  unknown?: string;
}

/** Files worth scanning: the words passport's authenticating methods go by. */
export const NAMES_AUTHENTICATION = /\b(authenticate|authorize)\b/;

/** Passport's methods taking a strategy name (or names) first. */
const AUTHENTICATING = new Set(['authenticate', 'authorize']);

/**
 * The strategies `text` authenticates with through passport. A call counts when its target is
 * passport by name (`passport.authenticate(...)`, `this.passport.authorize(...)`) or an alias of
 * it (`const pauth = passport.authenticate.bind(passport)`); the names must be literals. Any other
 * use of passport's methods (a computed name, the method handed on, passport imported under
 * another name or destructured) makes the use unknown, so no strategy is left out. Other objects'
 * `authenticate` methods (a user model's `user.authenticate(password)`) are not passport's. Pure.
 */
export function strategyUse(file: string, text: string): StrategyUse {
  const use: StrategyUse = { names: new Set() };
  if (!NAMES_AUTHENTICATION.test(text) && !/['"]passport['"]/.test(text)) return use;
  const source = parseSource(file, text);
  const unknownAt = (node: ts.Node): void => {
    if (use.unknown) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    use.unknown = `${file}:${line + 1}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 80)}`;
  };
  const aliases = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && AUTHENTICATING.has(node.name.text) && isPassport(node.expression)) {
      const parent = node.parent;
      if (ts.isCallExpression(parent) && parent.expression === node) takeNames(parent, use, unknownAt);
      else if (
        ts.isPropertyAccessExpression(parent) &&
        parent.name.text === 'bind' &&
        ts.isCallExpression(parent.parent) &&
        ts.isVariableDeclaration(parent.parent.parent) &&
        ts.isIdentifier(parent.parent.parent.name)
      )
        aliases.add(parent.parent.parent.name.text);
      else unknownAt(node);
    } else if (importsPassportOtherwise(node)) unknownAt(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (aliases.size > 0) {
    const visitAlias = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && aliases.has(node.text) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
        const parent = node.parent;
        if (ts.isCallExpression(parent) && parent.expression === node) takeNames(parent, use, unknownAt);
        else unknownAt(node);
      }
      ts.forEachChild(node, visitAlias);
    };
    visitAlias(source);
  }
  return use;
}

/** All the uses together: every name, unknown when one is. */
export function mergeUses(uses: readonly StrategyUse[]): StrategyUse {
  const names = new Set(uses.flatMap((u) => [...u.names]));
  const unknown = uses.find((u) => u.unknown !== undefined)?.unknown;
  return unknown === undefined ? { names } : { names, unknown };
}

function takeNames(call: ts.CallExpression, use: StrategyUse, unknownAt: (node: ts.Node) => void): void {
  const first = call.arguments[0];
  if (first && ts.isStringLiteralLike(first)) use.names.add(first.text);
  else if (first && ts.isArrayLiteralExpression(first) && first.elements.every((e) => ts.isStringLiteralLike(e)))
    for (const e of first.elements) use.names.add((e as ts.StringLiteralLike).text);
  else unknownAt(call);
}

/** `passport`, `this.passport`, `app.passport`: an expression naming passport. */
function isPassport(node: ts.Expression): boolean {
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  return name !== undefined && /^passport$/i.test(name);
}

/**
 * Passport bound to a name that does not say so (`const auth = require('passport')`), or its
 * methods destructured (`const { authenticate } = require('passport')`, `import { authenticate } from 'passport'`):
 * calls through those names cannot be told from others.
 */
function importsPassportOtherwise(node: ts.Node): boolean {
  if (ts.isVariableDeclaration(node) && node.initializer && requiresPassport(node.initializer))
    return !(ts.isIdentifier(node.name) && /^passport$/i.test(node.name.text));
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'passport') {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.name && !/^passport$/i.test(clause.name.text)) return true;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return !/^passport$/i.test(bindings.name.text);
    return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0;
  }
  return false;
}

/** `require('passport')`, or `require('passport').default`. */
function requiresPassport(node: ts.Expression): boolean {
  const inner = ts.isPropertyAccessExpression(node) ? node.expression : node;
  return (
    ts.isCallExpression(inner) &&
    ts.isIdentifier(inner.expression) &&
    inner.expression.text === 'require' &&
    inner.arguments.length === 1 &&
    ts.isStringLiteralLike(inner.arguments[0]!) &&
    inner.arguments[0].text === 'passport'
  );
}
