import { type CodeBlockWriter, IndentationText, NewLineKind, Project, QuoteKind, type SourceFile } from 'ts-morph';

/**
 * A ts-morph source file in memory (nothing touches the disk), printed with two-space indents,
 * single quotes and '\n' line ends, so the same plan always prints the same text.
 */
export function memorySourceFile(path: string): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
  return project.createSourceFile(path, '', { overwrite: true });
}

/** The printed text of a generated file: trailing spaces trimmed, exactly one final newline. */
export function printed(file: SourceFile): string {
  return file
    .getFullText()
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*$/, '\n');
}

/** A single-quoted TypeScript string literal. */
export function str(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A TSDoc block: each line prefixed, `*\/` defused. */
export function docComment(lines: string[]): string {
  const body = lines.map((l) => (l ? ` * ${l.replace(/\*\//g, '*\\/')}` : ' *'));
  return ['/**', ...body, ' */'].join('\n');
}

/** Writes `head {`, the indented body, then `}` and `tail` on one line (`};`, `});`, `} finally {`). */
export function braces(w: CodeBlockWriter, head: string, body: () => void, tail = ''): CodeBlockWriter {
  w.writeLine(`${head} {`);
  w.indent(body);
  return w.writeLine(`}${tail}`);
}
