import { Project } from 'ts-morph';
import { nodeFacts } from './facts';

/** One source file to read: its path (for the parser's script kind) and its text. */
export interface SourceText {
  /** File path; its extension picks JavaScript or TypeScript. */
  path: string;
  /** File contents. */
  text: string;
}

/**
 * The environment variables each file reads anywhere in it (`process.env.X`, destructuring,
 * validators over `process.env`, `env-var`'s `env.get('X')`; config keys left out), by the same
 * facts as route closures.
 * For what a function's bundle loads at boot, beyond its routes' closures. Parses without a
 * type checker. Files with no variable are absent; names sorted.
 */
export function envReadBy(files: readonly SourceText[]): Map<string, string[]> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true }, skipFileDependencyResolution: true });
  const out = new Map<string, string[]>();
  files.forEach((file, i) => {
    if (!/process\s*\.\s*env|env-var/.test(file.text)) return;
    const ext = /\.[cm]?[jt]sx?$/.exec(file.path)?.[0] ?? '.js';
    const source = project.createSourceFile(`/f${i}${ext}`, file.text, { overwrite: true });
    const names = new Set<string>();
    source.forEachDescendant((node) => {
      for (const fact of nodeFacts(node)) if (fact.env && !fact.env.startsWith('config:')) names.add(fact.env);
    });
    if (names.size > 0) out.set(file.path, [...names].sort());
  });
  return out;
}
