import { ts } from 'ts-morph';
import { controllerListEdits } from './controller-lists';
import { loopRequires } from './loop-requires';
import { type TextEdit, applyEdits } from './text-edits';
import { parseSource, resolveAmong } from './module-specifiers';
import type { FileSlice } from './slice-sites';
import { routeMapEntries } from './route-maps';
import { tableEntries } from './table-entries';
import { expressMethod, REGISTERING_METHODS } from './method-name';
import { boundNames, lineOf, literalRequire, topLevelImports } from './syntax';

/** What slicing did to one file. */
export interface SlicedSource {
  /** The sliced text: same lines as the original, dropped statements blanked. */
  text: string;
  /** Registration statements left out. */
  droppedStatements: number;
  /** Boot statements left out (timers, websocket servers, shutdown handlers, and what uses them). */
  droppedBoot: number;
  /** Imports and requires left out because only dropped statements used them. */
  droppedImports: number;
  /** Computed requires in loops that register for several functions, now loading only this one's modules (see `loopRequires`). */
  loopRequires: number;
  /** App modules those loops give an inert stand-in instead of loading them, sorted. */
  servedElsewhere: string[];
  /** Route table entries left out: they carried only routers other functions need (see `tableEntries`), or, in object route maps, only routes served elsewhere (see `routeMapEntries`). */
  droppedEntries: number;
  /** `controllers` lists of routing-controllers calls narrowed to the function's own classes (see `controllerListEdits`). */
  controllerLists: number;
}

/** Methods whose call registers a route or mounts a router. */
const REGISTERING = new Set(REGISTERING_METHODS);

/**
 * Leaves out of `text` the registration statements on the `drop` lines (a statement holding a
 * `keep` line stays whole), then the imports and `require` declarations only they used, so a
 * bundler no longer reaches the controllers of other functions. Every other statement stays in
 * place and in order (settings, conditions, session setup, error handlers), and line numbers are
 * kept. A loop registering for several functions keeps its turns, but its computed requires load
 * only this function's modules (`slice.loops`, see `loopRequires`). An import of a module that
 * acts as it loads (`slice.loadEffects`) stays, bare, when its names go; routing-controllers
 * calls list only the function's controller classes (`slice.controllers`, see
 * `controllerListEdits`). Returns undefined when nothing can be left out. Pure.
 */
export function sliceSource(text: string, fileName: string, slice: FileSlice): SlicedSource | undefined {
  const source = parseSource(fileName, text);
  const keep = new Set(slice.keep);
  const statements = new Set<ts.ExpressionStatement>();
  for (const line of slice.drop) {
    const statement = registrationAt(source, line);
    if (statement && !spans(source, statement).some((l) => keep.has(l))) statements.add(statement);
  }
  if (slice.params) for (const statement of unusedParamRegistrations(source, new Set(slice.params))) statements.add(statement);
  for (const s of [...statements]) if (hasAncestorIn(s, statements)) statements.delete(s);
  const boot = bootStatements(source, slice.boot ?? [], statements, [...slice.keep, ...(slice.protect ?? [])]);
  const loops = loopRequires(source, fileName, slice.loops ?? [], (line) => registrationAt(source, line) ?? statementAt(source, line));
  const gone = new Set<ts.Node>([...statements, ...boot]);
  const entries: ts.Node[] = [
    ...(slice.tables ? tableEntries(source, fileName, slice.tables, slice.aliases) : []),
    ...(slice.routes ? routeMapEntries(source, slice.routes) : []),
  ].filter((e) => !hasAncestorIn(e, gone));
  const controllers = controllerListEdits(source, fileName, slice.controllers ?? []);
  if (statements.size === 0 && boot.size === 0 && loops.rewritten === 0 && entries.length === 0 && controllers.edits.length === 0) return undefined;
  const removed = new Set<ts.Node>([...gone, ...entries, ...controllers.replaced]);
  const edits: TextEdit[] = [
    ...[...gone].map((s) => ({ start: s.getStart(source), end: s.getEnd(), text: blank(text.slice(s.getStart(source), s.getEnd())) })),
    ...entries.map((e) => withComma(source, e)).map(({ start, end }) => ({ start, end, text: blank(text.slice(start, end)).slice(1) })),
    ...loops.edits,
    ...controllers.edits,
  ];
  const before = usedNames(source, new Set());
  const after = usedNames(source, removed);
  let droppedImports = 0;
  for (const declaration of importDeclarations(source)) {
    const names = declaration.names;
    if (names.length > 0 && names.every((n) => (before.get(n) ?? 0) > 0 && (after.get(n) ?? 0) === 0)) {
      const [start, end] = [declaration.node.getStart(source), declaration.node.getEnd()];
      // A module that does something as it loads (passport's serializeUser and strategies) is
      // still loaded, for its effect alone; only the names go.
      const effects = declaration.specifiers.filter((s) => slice.loadEffects && resolveAmong(fileName, s, slice.loadEffects, slice.aliases));
      const lines = blank(text.slice(start, end)).slice(1);
      edits.push({
        start,
        end,
        text: effects.length > 0 ? `${effects.map((s) => bareImport(declaration.node, s)).join(' ')}${lines}` : blank(text.slice(start, end)),
      });
      if (effects.length === 0) droppedImports++;
    }
  }
  const sliced = applyEdits(text, edits);
  const tail = loops.tail ? `${sliced.endsWith('\n') ? '' : '\n'}${loops.tail}\n` : '';
  return {
    text: `${sliced}${tail}`,
    droppedStatements: statements.size,
    droppedBoot: boot.size,
    droppedImports,
    loopRequires: loops.rewritten,
    servedElsewhere: loops.elsewhere,
    droppedEntries: entries.length,
    controllerLists: controllers.edits.length,
  };
}

/** An array element's span with the comma after it, when one follows: `[a, X, b]` loses `X, `, `[a, X]` keeps a legal trailing comma. */
function withComma(source: ts.SourceFile, element: ts.Node): { start: number; end: number } {
  const after = source.text.slice(element.getEnd()).match(/^\s*,[ \t]*/);
  return { start: element.getStart(source), end: element.getEnd() + (after ? after[0].length : 0) };
}

/** An empty statement in place of `removed`, keeping its line breaks so line numbers stay. */
function blank(removed: string): string {
  return `;${removed.replace(/[^\n]/g, '')}`;
}

/**
 * The top-level statements holding the `lines` of replaced boot code, then, until nothing more
 * is found, every top-level statement that uses a name one of them declares (`clearInterval(sweep)`
 * in a shutdown function, the `process.on` that calls it). Import declarations stay: unused ones
 * go with the other unused imports. So do exports (other modules import them) and statements
 * that build the app (see `FileSlice.protect`): holding a `protected` line, or calling a function
 * of the file that holds one.
 */
function bootStatements(
  source: ts.SourceFile,
  lines: readonly number[],
  registrations: ReadonlySet<ts.Node>,
  protectedLines: readonly number[],
): Set<ts.Statement> {
  const out = new Set<ts.Statement>();
  if (lines.length === 0) return out;
  const guarded = new Set(protectedLines);
  const builds = (s: ts.Statement) => spans(source, s).some((l) => guarded.has(l));
  const builders = new Set(source.statements.filter(builds).flatMap(declaredFunctions));
  const candidates = source.statements.filter((s) => !isImport(s) && !registrations.has(s) && !isExport(s) && !builds(s) && !callsAny(s, builders));
  for (const s of candidates) if (spans(source, s).some((l) => lines.includes(l))) out.add(s);
  let grew = out.size > 0;
  while (grew) {
    grew = false;
    const declared = new Set([...out].flatMap(declaredNames));
    for (const s of candidates) {
      if (out.has(s) || !usesAny(s, declared)) continue;
      out.add(s);
      grew = true;
    }
  }
  return out;
}

/** `export ...`, `export default`, `export =`, and assignments to `module.exports` or `exports.x`. */
function isExport(statement: ts.Statement): boolean {
  if (ts.isExportAssignment(statement) || ts.isExportDeclaration(statement)) return true;
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  if (
    !ts.isExpressionStatement(statement) ||
    !ts.isBinaryExpression(statement.expression) ||
    statement.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken
  )
    return false;
  const target = statement.expression.left.getText();
  return /^(module\.exports|exports)\b/.test(target);
}

function isImport(statement: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    (ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.every((d) => d.initializer !== undefined && literalRequire(d.initializer) !== undefined))
  );
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => boundNames(d.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  return [];
}

/** The functions a statement declares: `function f() {}`, `const f = () => {}` / `function () {}`. */
function declaredFunctions(statement: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) && statement.name) return [statement.name.text];
  if (!ts.isVariableStatement(statement)) return [];
  return statement.declarationList.declarations
    .filter((d) => ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
    .map((d) => (d.name as ts.Identifier).text);
}

/** Whether `node` calls one of `names` (`start()`, `start().catch(...)`, `await start()`). */
function callsAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && names.has(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function usesAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text) && !isDeclarationName(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The innermost expression statement covering `line` whose outermost call registers (`x.get(...)`, `x.route(p).post(...)`). */
function registrationAt(source: ts.SourceFile, line: number): ts.ExpressionStatement | undefined {
  return registrationsByLine(source).get(line);
}

const STATEMENTS = new WeakMap<ts.SourceFile, Map<number, ts.Statement>>();

/** The innermost statement starting on `line` (a registration by a computed method, `app[method](url, handler)`), from one walk per tree. */
function statementAt(source: ts.SourceFile, line: number): ts.Statement | undefined {
  let byLine = STATEMENTS.get(source);
  if (!byLine) {
    const found = new Map<number, ts.Statement>();
    // Pre-order: a statement nested in another that starts on the same line comes later and wins.
    const visit = (node: ts.Node): void => {
      if (ts.isStatement(node)) found.set(lineOf(source, node.getStart(source)), node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    byLine = found;
    STATEMENTS.set(source, byLine);
  }
  return byLine.get(line);
}

const REGISTRATIONS = new WeakMap<ts.SourceFile, Map<number, ts.ExpressionStatement>>();

/** Per line, the innermost registration statement covering it, found in one walk of the tree. */
function registrationsByLine(source: ts.SourceFile): Map<number, ts.ExpressionStatement> {
  let byLine = REGISTRATIONS.get(source);
  if (byLine) return byLine;
  const found = new Map<number, ts.ExpressionStatement>();
  // Pre-order: a statement nested in another comes later and takes its lines.
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && isRegistration(node.expression)) for (const line of spans(source, node)) found.set(line, node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  byLine = found;
  REGISTRATIONS.set(source, byLine);
  return byLine;
}

/**
 * The statements `x.param('name', fn)` (or `x.param(['a', 'b'], fn)`) none of whose names are in
 * `used`: Express runs a param callback only for a path holding `:name`, so in a function whose
 * routes hold none it never runs, and its controller need not be bundled.
 */
function unusedParamRegistrations(source: ts.SourceFile, used: ReadonlySet<string>): ts.ExpressionStatement[] {
  return paramRegistrations(source)
    .filter(({ names }) => names.every((n) => !used.has(n)))
    .map(({ statement }) => statement);
}

const PARAMS = new WeakMap<ts.SourceFile, Array<{ statement: ts.ExpressionStatement; names: string[] }>>();

/** Every `x.param(name(s), fn)` statement of a file with its names, found in one walk per tree (each function slices the same modules). */
function paramRegistrations(source: ts.SourceFile): Array<{ statement: ts.ExpressionStatement; names: string[] }> {
  let found = PARAMS.get(source);
  if (found) return found;
  const out: Array<{ statement: ts.ExpressionStatement; names: string[] }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const names = paramNames(node.expression);
      if (names) out.push({ statement: node, names });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  found = out;
  PARAMS.set(source, found);
  return found;
}

function paramNames(expression: ts.Expression): string[] | undefined {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
  if (expression.expression.name.text !== 'param' || expression.arguments.length !== 2) return undefined;
  const target = expression.expression.expression;
  if (ts.isCallExpression(target)) return undefined;
  const first = expression.arguments[0]!;
  if (ts.isStringLiteralLike(first)) return [first.text];
  if (ts.isArrayLiteralExpression(first) && first.elements.length > 0 && first.elements.every(ts.isStringLiteralLike))
    return first.elements.map((e) => (e as ts.StringLiteralLike).text);
  return undefined;
}

function hasAncestorIn(node: ts.Node, set: ReadonlySet<ts.Node>): boolean {
  for (let at = node.parent; at; at = at.parent) if (set.has(at)) return true;
  return false;
}

function isRegistration(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return false;
  return REGISTERING.has(expressMethod(expression.expression.name.text));
}

function spans(source: ts.SourceFile, node: ts.Node): number[] {
  const [first, last] = [lineOf(source, node.getStart(source)), lineOf(source, node.getEnd())];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** How often each identifier is used outside `skip`, not counting declaration names and property names after a dot. */
function usedNames(source: ts.SourceFile, skip: ReadonlySet<ts.Node>): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (skip.has(node)) return;
    if (ts.isIdentifier(node) && !isDeclarationName(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return counts;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isBindingElement(parent)) return parent.name === node || parent.propertyName === node;
  if (ts.isVariableDeclaration(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent))
    return parent.name === node;
  if (ts.isImportSpecifier(parent)) return true;
  return false;
}

/** Top-level imports and `const x = require('y')` declarations (nothing else in them), with the names they bind and the specifiers they load. */
function importDeclarations(source: ts.SourceFile): Array<{ node: ts.Statement; names: string[]; specifiers: string[] }> {
  return topLevelImports(source)
    .filter((i) => i.whole)
    .map((i) => ({ node: i.statement, names: i.bindings.map((b) => b.name), specifiers: [...new Set(i.bindings.map((b) => b.specifier))] }));
}

/** A statement that loads `specifier` for its effect only, in the syntax of the import it replaces. */
function bareImport(statement: ts.Statement, specifier: string): string {
  return ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)
    ? `import ${JSON.stringify(specifier)};`
    : `require(${JSON.stringify(specifier)});`;
}
