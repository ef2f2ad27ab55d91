import { ts } from 'ts-morph';
import { moduleCandidates } from '../../model/module-paths';

/** A module specifier of an app file in a source file: where its text sits (inside the quotes). */
export interface SpecifierSite {
  /** The specifier as written (`./routes/users`). */
  text: string;
  /** Offset of its first character, after the opening quote. */
  start: number;
  /** Offset just past its last character, before the closing quote. */
  end: number;
}

/** Import specifiers that are not relative paths yet lead to app files (`ModuleFile.aliases`): specifier to app-relative file. */
export type SpecifierAliases = Readonly<Record<string, string>>;

/**
 * The specifiers of app files in `import`/`export ... from`, `import x = require()`, `require()`
 * and `import()` with a literal argument, in source order: the relative ones and those `aliases`
 * names (`@routes/users`); for a computed `require()` or `import()` (`\`./tools/${name}\``,
 * `'./drivers/' + driver`), its relative literal head. Pure.
 */
export function appSpecifiers(source: ts.SourceFile, aliases: SpecifierAliases = {}): SpecifierSite[] {
  const found: SpecifierSite[] = [];
  const take = (literal: ts.Node | undefined): void => {
    if (!literal || !ts.isStringLiteralLike(literal) || !(literal.text.startsWith('.') || Object.hasOwn(aliases, literal.text))) return;
    found.push({ text: literal.text, start: literal.getStart(source) + 1, end: literal.getEnd() - 1 });
  };
  const takeHead = (argument: ts.Node | undefined): void => {
    if (argument && ts.isTemplateExpression(argument) && argument.head.text.startsWith('.')) {
      const start = argument.head.getStart(source) + 1;
      found.push({ text: argument.head.text, start, end: start + argument.head.text.length });
    } else if (argument && ts.isBinaryExpression(argument) && argument.operatorToken.kind === ts.SyntaxKind.PlusToken) takeHead(argument.left);
    else take(argument);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) take(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) take(node.moduleReference.expression);
    else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    )
      takeHead(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The file among `files` (app-relative, '/') that `specifier`, written in `fromFile`, names: the
 * file `aliases` gives it, else as written, with each code extension, as a folder's index, or a
 * `.js` specifier naming its `.ts` source. Undefined when none of `files` matches (it may still
 * be another app file). Pure.
 */
export function resolveAmong(fromFile: string, specifier: string, files: ReadonlySet<string>, aliases: SpecifierAliases = {}): string | undefined {
  if (Object.hasOwn(aliases, specifier)) return files.has(aliases[specifier]!) ? aliases[specifier] : undefined;
  if (!specifier.startsWith('.')) return undefined;
  const base = joinPosix(fromFile.split('/').slice(0, -1), specifier);
  return moduleCandidates(base, (dir, name) => `${dir}/${name}`).find((c) => files.has(c));
}

function joinPosix(dir: string[], specifier: string): string {
  const out = [...dir];
  for (const part of specifier.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Parsed sources by file name, then text (the text itself is the key: no key string is built
 * from it per call): every function slices the same registering modules.
 */
const PARSED = new Map<string, Map<string, ts.SourceFile>>();
const MAX_PARSED = 512;
let parsedCount = 0;

/** Parses `text` as the script kind its file name says; the same name and text give the same (read-only) tree. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  let byText = PARSED.get(fileName);
  let source = byText?.get(text);
  if (!source) {
    if (parsedCount >= MAX_PARSED) {
      PARSED.clear();
      parsedCount = 0;
      byText = undefined;
    }
    if (!byText) PARSED.set(fileName, (byText = new Map()));
    source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
    byText.set(text, source);
    parsedCount++;
  }
  return source;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
