import { type SourceFile, type Node, ts } from 'ts-morph';
import type { ModuleResolver } from './module-resolver';

/** A module specifier as written in a file, with its node. */
export interface ImportSite {
  /** The specifier text. */
  specifier: string;
  /** The import, export or call node. */
  node: Node;
  /** `static` for import/export declarations and require; `dynamic` for `import()`. */
  kind: 'static' | 'dynamic';
}

/** A specifier found on the compiler AST, before any ts-morph wrapper exists for it. */
interface RawSite {
  specifier: string;
  /** The import/export declaration statement or the call expression. */
  compilerNode: ts.Node;
  /** Whether `compilerNode` is a top-level statement (cheap to wrap). */
  statement: boolean;
  kind: 'static' | 'dynamic';
}

/** Every literal import, re-export, `require()` and `import()` of a file. */
export function importSites(sourceFile: SourceFile): ImportSite[] {
  const compilerFile = sourceFile.compilerNode;
  const statements = sourceFile.getStatements();
  return rawSites(sourceFile).map((site) => {
    // Wrap only the nodes returned: wrapping every descendant (forEachDescendant) is what made
    // this scan the slowest part of analyze on large apps.
    const node = site.statement
      ? statements.find((s) => s.compilerNode === site.compilerNode)!
      : sourceFile.getDescendantAtStartWithWidth(site.compilerNode.getStart(compilerFile), site.compilerNode.getWidth(compilerFile))!;
    return { specifier: site.specifier, node, kind: site.kind };
  });
}

/** File-level import graph of the app's own files: absolute path → imported absolute paths. */
export function buildImportGraph(files: Iterable<SourceFile>, resolver: ModuleResolver): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const sourceFile of files) {
    const from = sourceFile.getFilePath();
    const targets = new Set<string>();
    for (const site of rawSites(sourceFile)) {
      const resolution = resolver.resolve(site.specifier, from);
      if (resolution.kind === 'file') targets.add(resolution.path);
    }
    graph.set(from, [...targets].sort());
  }
  return graph;
}

/**
 * The import sites of a file, read from the compiler AST directly (no ts-morph wrappers): import
 * and export declarations first, then `require('x')` / `import('x')` calls in document order.
 */
function rawSites(sourceFile: SourceFile): RawSite[] {
  const compilerFile = sourceFile.compilerNode;
  const sites: RawSite[] = [];
  for (const statement of compilerFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      sites.push({ specifier: statement.moduleSpecifier.text, compilerNode: statement, statement: true, kind: 'static' });
    }
  }
  for (const statement of compilerFile.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      sites.push({ specifier: statement.moduleSpecifier.text, compilerNode: statement, statement: true, kind: 'static' });
    }
  }
  const text = compilerFile.text;
  if (!text.includes('require') && !text.includes('import')) return sites;
  // An explicit stack, not recursion: a generated file with a 50,000-term expression nests that deep.
  const stack: ts.Node[] = [compilerFile];
  const children: ts.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const arg = node.arguments[0];
      if ((isRequire || isImport) && arg && ts.isStringLiteral(arg)) {
        sites.push({ specifier: arg.text, compilerNode: node, statement: false, kind: isImport ? 'dynamic' : 'static' });
      }
    }
    children.length = 0;
    ts.forEachChild(node, (child) => void children.push(child));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return sites;
}
