import { ts } from 'ts-morph';
import { parseSource } from './module-specifiers';
import { type TextEdit, applyEdits } from './text-edits';
import { boundNames, importClauseNames, literalRequire } from './syntax';

/** A handler module (a controller) without the exports a function does not use. */
export interface PrunedModule {
  /** The pruned text: same lines as the original, left-out statements and members blanked. */
  text: string;
  /** Export names left out, sorted. */
  droppedExports: string[];
  /** Top-level statements and `module.exports = {...}` members left out (exports, the declarations and requires only they used). */
  dropped: number;
}

/** A piece of a module's top level that stays or goes as a whole. */
interface Item {
  /** The statement, or the member of a `module.exports = {...}` literal. */
  node: ts.Node;
  /** Local names it declares. */
  declares: string[];
  /** Export names it defines. */
  exports: string[];
  /** Whether leaving it out skips no code that would run when the module loads (declarations, requires, functions). */
  removable: boolean;
  /** Whether it is a member of an object literal (blanked with its comma, without a `;`). */
  member?: boolean;
}

/**
 * `text` (a CommonJS or ES module) without the exports none of `used` names, then without the
 * top-level declarations, functions and requires nothing kept refers to, so a bundler no longer
 * reaches the packages and modules only the other exports needed: `login` keeps the user model,
 * `sendPasswordReset` alone brings the mailer. Only what runs nothing when the module loads is
 * left out (declarations, functions, classes, literals, requires, handlers wrapped in a call such
 * as `asyncHandler(async (req, res) => ...)`); every other statement stays, with what it uses.
 * Line numbers are kept. Undefined when nothing can be left out, or when the module's exports
 * cannot be told apart (`module.exports = factory()`, `exports[name] = ...`, `this` at its top
 * level, re-exports, a default export the importer uses as a whole). Pure.
 */
export function pruneModule(text: string, fileName: string, used: ReadonlySet<string>): PrunedModule | undefined {
  const source = parseSource(fileName, text);
  const items = itemsOf(source);
  if (!items || usesThisOutsideClasses(source)) return undefined;
  const byName = new Map<string, Item[]>();
  const byExport = new Map<string, Item[]>();
  for (const item of items) {
    for (const name of item.declares) byName.set(name, [...(byName.get(name) ?? []), item]);
    for (const name of item.exports) byExport.set(name, [...(byExport.get(name) ?? []), item]);
  }
  const kept = new Set<Item>();
  const queue: Item[] = [];
  const keep = (item: Item): void => {
    if (kept.has(item)) return;
    kept.add(item);
    queue.push(item);
  };
  for (const item of items) if (!item.removable || item.exports.some((e) => used.has(e))) keep(item);
  while (queue.length > 0) {
    const item = queue.pop()!;
    const refs = references(item.node);
    if (refs === undefined) return undefined;
    for (const name of refs.names) for (const other of byName.get(name) ?? []) keep(other);
    for (const name of refs.exports) for (const other of byExport.get(name) ?? []) keep(other);
  }
  const dropped = items.filter((i) => !kept.has(i));
  if (dropped.length === 0) return undefined;
  const keptExports = new Set([...kept].flatMap((i) => i.exports));
  const droppedExports = [...new Set(dropped.flatMap((i) => i.exports))].filter((e) => !keptExports.has(e)).sort();
  const edits = dropped.flatMap((item) => blanking(source, text, item));
  return { text: applyEdits(text, edits), droppedExports, dropped: dropped.length };
}

/** The module's top-level items; undefined when its exports cannot be told apart. */
function itemsOf(source: ts.SourceFile): Item[] | undefined {
  const items: Item[] = [];
  for (const statement of source.statements) {
    const target = exportsAssignment(statement);
    if (target === 'module') {
      const value = (unwrapped((statement as ts.ExpressionStatement).expression) as ts.BinaryExpression).right;
      const members = objectMembers(unwrapped(value));
      if (!members) return undefined;
      items.push(...members);
      continue;
    }
    if (target !== undefined) {
      const value = (unwrapped((statement as ts.ExpressionStatement).expression) as ts.BinaryExpression).right;
      items.push({ node: statement, declares: [], exports: [target], removable: isPure(value) });
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return undefined;
      // `export { a, b as c }`: one item per name, each using its local.
      for (const e of statement.exportClause.elements) items.push({ node: e, declares: [], exports: [e.name.text], removable: true, member: true });
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) return undefined;
      items.push({ node: statement, declares: [], exports: ['default'], removable: isPure(statement.expression) });
      continue;
    }
    items.push(declarationItem(statement));
  }
  return items;
}

/** `exports.x = ...` / `module.exports.x = ...`: `x`; `module.exports = ...`: 'module'; otherwise undefined. */
function exportsAssignment(statement: ts.Statement): string | 'module' | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = unwrapped(statement.expression);
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = expression.left;
  if (isModuleExports(left)) return 'module';
  if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) return left.name.text;
  return undefined;
}

/** The members of `module.exports = { ... }` as items; undefined for anything but a plain object literal. */
function objectMembers(value: ts.Expression): Item[] | undefined {
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const items: Item[] = [];
  for (const p of value.properties) {
    if (ts.isSpreadAssignment(p) || !p.name || ts.isComputedPropertyName(p.name)) return undefined;
    const name =
      ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name) || ts.isPrivateIdentifier(p.name) ? p.name.text : undefined;
    if (name === undefined) return undefined;
    const removable = ts.isPropertyAssignment(p) ? isPure(p.initializer) : true;
    items.push({ node: p, declares: [], exports: [name], removable, member: true });
  }
  return items;
}

function declarationItem(statement: ts.Statement): Item {
  const exported = hasExportModifier(statement);
  const isDefault = exported && (ts.getModifiers(statement as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(statement)) {
    const declares = statement.declarationList.declarations.flatMap((d) => boundNames(d.name));
    const removable = statement.declarationList.declarations.every((d) => !d.initializer || isPure(d.initializer));
    return { node: statement, declares, exports: exported ? declares : [], removable };
  }
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  ) {
    const name = statement.name?.text;
    // Exported types stay: they cost nothing at run time, and an importer may name them in types only.
    const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
    const removable = ts.isClassDeclaration(statement)
      ? isPureClass(statement)
      : ts.isEnumDeclaration(statement)
        ? !statement.members.some((m) => m.initializer && !isPure(m.initializer))
        : !(isType && exported);
    return { node: statement, declares: name ? [name] : [], exports: isDefault ? ['default'] : exported && name ? [name] : [], removable };
  }
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    // `import './polyfill'` runs its module: it stays.
    if (!clause) return { node: statement, declares: [], exports: [], removable: false };
    return { node: statement, declares: importClauseNames(clause), exports: [], removable: true };
  }
  if (ts.isImportEqualsDeclaration(statement))
    return { node: statement, declares: [statement.name.text], exports: exported ? [statement.name.text] : [], removable: true };
  return { node: statement, declares: [], exports: [], removable: false };
}

function hasExportModifier(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * Whether evaluating `node` runs no code of the app or of a package beyond loading modules:
 * literals, functions, classes without static code, names, property reads, object and array
 * literals of those, `require('x')`, and a call wrapping a handler (`asyncHandler(async (req,
 * res) => ...)`, co's `wrap(function* () {...})`): at least one argument a function, the others
 * pure too. Such wrappers only return a function; anything else may do work at load time.
 */
function isPure(node: ts.Expression): boolean {
  const e = unwrapped(node);
  if (ts.isFunctionExpression(e) || ts.isArrowFunction(e) || ts.isIdentifier(e) || ts.isLiteralExpression(e) || ts.isNoSubstitutionTemplateLiteral(e))
    return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isClassExpression(e)) return isPureClass(e);
  if (ts.isPropertyAccessExpression(e)) return isPure(e.expression);
  if (ts.isPrefixUnaryExpression(e)) return isPure(e.operand);
  if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => isPure(s.expression));
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => !ts.isSpreadElement(x) && isPure(x));
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.every((p) =>
      ts.isPropertyAssignment(p)
        ? !ts.isComputedPropertyName(p.name) && isPure(p.initializer)
        : ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p),
    );
  }
  if (ts.isCallExpression(e)) {
    if (literalRequire(e)) return true;
    const callee = unwrapped(e.expression);
    const named = ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrapped(callee.expression)));
    const wraps = e.arguments.some((a) => ts.isFunctionExpression(unwrapped(a)) || ts.isArrowFunction(unwrapped(a)));
    return named && wraps && e.arguments.every((a) => !ts.isSpreadElement(a) && isPure(a));
  }
  return false;
}

function isPureClass(node: ts.ClassLikeDeclaration): boolean {
  if (ts.getDecorators(node)?.length) return false;
  for (const clause of node.heritageClauses ?? []) if (!clause.types.every((t) => isPure(t.expression))) return false;
  return node.members.every((m) => {
    if (ts.isClassStaticBlockDeclaration(m)) return false;
    if (ts.getDecorators(m as ts.HasDecorators)?.length) return false;
    const isStatic = (ts.getModifiers(m as ts.HasModifiers) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    return !(isStatic && ts.isPropertyDeclaration(m) && m.initializer && !isPure(m.initializer));
  });
}

/** What `node` refers to: local names, and export names it reads back (`exports.load`, `module.exports.load`). Undefined when it uses the exports object as a whole. */
function references(node: ts.Node): { names: Set<string>; exports: Set<string> } | undefined {
  const names = new Set<string>();
  const exports = new Set<string>();
  let whole = false;
  const visit = (n: ts.Node): void => {
    if (whole) return;
    if (ts.isPropertyAccessExpression(n) && isExportsObject(n.expression)) {
      exports.add(n.name.text);
      return;
    }
    if (isModuleExports(n) || (ts.isIdentifier(n) && n.text === 'exports' && !isNameOnly(n))) {
      whole = true;
      return;
    }
    if (ts.isIdentifier(n) && !isNameOnly(n)) names.add(n.text);
    if (ts.isShorthandPropertyAssignment(n)) names.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  // An item that is the `module.exports = {...}` member itself is not a use of the object.
  if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isExportSpecifier(node)) {
    if (ts.isPropertyAssignment(node)) visit(node.initializer);
    else if (ts.isShorthandPropertyAssignment(node)) names.add(node.name.text);
    else if (ts.isExportSpecifier(node)) names.add((node.propertyName ?? node.name).text);
    else ts.forEachChild(node, visit);
  } else if (exportsAssignment(node as ts.Statement) !== undefined && ts.isExpressionStatement(node)) {
    visit((unwrapped(node.expression) as ts.BinaryExpression).right);
  } else visit(node);
  return whole ? undefined : { names, exports };
}

/** An identifier that names a property or a declaration rather than reading a binding. */
function isNameOnly(n: ts.Identifier): boolean {
  const parent = n.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === n) return true;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent)) &&
    parent.name === n
  )
    return true;
  if (ts.isBindingElement(parent) && parent.propertyName === n) return true;
  if (
    (ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportEqualsDeclaration(parent)) &&
    parent.name === n
  )
    return true;
  return ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent);
}

function isModuleExports(n: ts.Node): boolean {
  return ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'module' && n.name.text === 'exports';
}

function isExportsObject(n: ts.Node): boolean {
  return (ts.isIdentifier(n) && n.text === 'exports') || isModuleExports(n);
}

/** `this` outside a class at the module's top level or in a plain function: it may be the exports object. */
function usesThisOutsideClasses(source: ts.SourceFile): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isClassLike(n)) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

function unwrapped<T extends ts.Expression>(e: T): ts.Expression {
  let at: ts.Expression = e;
  while (
    ts.isParenthesizedExpression(at) ||
    ts.isAsExpression(at) ||
    ts.isTypeAssertionExpression(at) ||
    ts.isNonNullExpression(at) ||
    ts.isSatisfiesExpression(at)
  )
    at = at.expression;
  return at;
}

/**
 * The edits leaving `item` out: its text and its leading comments (they describe it) blanked
 * with their line breaks kept; a statement becomes an empty one, an object member takes its
 * comma along.
 */
function blanking(source: ts.SourceFile, text: string, item: Item): TextEdit[] {
  const start = item.node.getStart(source);
  let end = item.node.getEnd();
  if (item.member && text[skipSpace(text, end)] === ',') end = skipSpace(text, end) + 1;
  const edits: TextEdit[] = [{ start, end, text: `${item.member ? ' ' : ';'}${text.slice(start, end).replace(/[^\n]/g, '')}` }];
  for (const c of ts.getLeadingCommentRanges(text, item.node.getFullStart()) ?? []) {
    if (c.end <= start) edits.push({ start: c.pos, end: c.end, text: text.slice(c.pos, c.end).replace(/[^\n]/g, '') });
  }
  return edits;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
