import type { Node, SourceFile } from 'ts-morph';

/**
 * 1-based line and column of a position, from the compiler's cached line map (a binary search).
 * ts-morph's `getStartLineNumber` and `getLineAndColumnAtPos` count newlines from the start of
 * the file on every call, which is quadratic over a large file with many routes.
 */
export function lineAndColumnAt(sourceFile: SourceFile, pos: number): { line: number; column: number } {
  const { line, character } = sourceFile.compilerNode.getLineAndCharacterOfPosition(pos);
  return { line: line + 1, column: character + 1 };
}

/** 1-based line where a node starts (its first token, not its leading trivia). */
export function lineOf(node: Node): number {
  return lineAndColumnAt(node.getSourceFile(), node.getStart()).line;
}
