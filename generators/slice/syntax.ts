import { ts } from 'ts-morph';

/** The names a binding pattern binds (`x`, `{ a, b: c }`, `[d, ...e]`). Pure. */
export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : boundNames(e.name)));
}

/** 1-based line of a position. */
export function lineOf(source: ts.SourceFile, pos: number): number {
  return source.getLineAndCharacterOfPosition(pos).line + 1;
}

/** `require('x')` with one string literal argument, under any property reads (`require('x').y`, `.default`): the call, else undefined. */
export function literalRequire(node: ts.Expression): ts.CallExpression | undefined {
  if (ts.isPropertyAccessExpression(node)) return literalRequire(node.expression);
  return ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!)
    ? node
    : undefined;
}

/** One top-level import of a file and the names it binds, each with the specifier it names. */
export interface TopLevelImport {
  /** The `import`, `import x = require()` or variable statement. */
  statement: ts.Statement;
  /** The names it binds, each with its specifier (`./users`). */
  bindings: Array<{ name: string; specifier: string }>;
  /** False for a variable statement that also declares something other than `require('x')`. */
  whole: boolean;
}

/**
 * The file's top-level imports, in order: `import` declarations (not type-only ones),
 * `import x = require('y')`, and variable statements binding `require('y')` (`.prop` reads
 * allowed; `whole` says whether every declaration of the statement is one). Pure.
 */
export function topLevelImports(source: ts.SourceFile): TopLevelImport[] {
  const out: TopLevelImport[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
      const names = importClauseNames(clause);
      const specifier = statement.moduleSpecifier.text;
      out.push({ statement, bindings: names.map((name) => ({ name, specifier })), whole: true });
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteralLike(statement.moduleReference.expression)
    ) {
      out.push({ statement, bindings: [{ name: statement.name.text, specifier: statement.moduleReference.expression.text }], whole: true });
    } else if (ts.isVariableStatement(statement)) {
      const declarations = statement.declarationList.declarations;
      const bindings = declarations.flatMap((d) => {
        const call = d.initializer && literalRequire(d.initializer);
        return call ? boundNames(d.name).map((name) => ({ name, specifier: (call.arguments[0] as ts.StringLiteralLike).text })) : [];
      });
      if (bindings.length > 0) out.push({ statement, bindings, whole: declarations.every((d) => d.initializer && literalRequire(d.initializer)) });
    }
  }
  return out;
}

/** The local names an import clause binds (`a`, `b` and `d` of `import a, { b, c as d } from`; `ns` of `* as ns`). */
export function importClauseNames(clause: ts.ImportClause): string[] {
  const bindings = clause.namedBindings;
  const named = bindings ? (ts.isNamespaceImport(bindings) ? [bindings.name.text] : bindings.elements.map((e) => e.name.text)) : [];
  return clause.name ? [clause.name.text, ...named] : named;
}
