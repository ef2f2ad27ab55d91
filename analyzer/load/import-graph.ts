import { type SourceFile, Node, SyntaxKind } from 'ts-morph';
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

/** Every literal import, re-export, `require()` and `import()` of a file. */
export function importSites(sourceFile: SourceFile): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const decl of sourceFile.getImportDeclarations()) {
    sites.push({ specifier: decl.getModuleSpecifierValue(), node: decl, kind: 'static' });
  }
  for (const decl of sourceFile.getExportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    if (specifier) sites.push({ specifier, node: decl, kind: 'static' });
  }
  sourceFile.forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return;
    const callee = node.getExpression();
    const isRequire = Node.isIdentifier(callee) && callee.getText() === 'require';
    const isImport = callee.getKind() === SyntaxKind.ImportKeyword;
    const arg = node.getArguments()[0];
    if ((isRequire || isImport) && arg && Node.isStringLiteral(arg)) {
      sites.push({ specifier: arg.getLiteralValue(), node, kind: isImport ? 'dynamic' : 'static' });
    }
  });
  return sites;
}

/** File-level import graph of the app's own files: absolute path → imported absolute paths. */
export function buildImportGraph(files: Iterable<SourceFile>, resolver: ModuleResolver): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const sourceFile of files) {
    const from = sourceFile.getFilePath();
    const targets = new Set<string>();
    for (const site of importSites(sourceFile)) {
      const resolution = resolver.resolve(site.specifier, from);
      if (resolution.kind === 'file') targets.add(resolution.path);
    }
    graph.set(from, [...targets].sort());
  }
  return graph;
}
