import * as fs from 'node:fs';
import * as path from 'node:path';

/** A few lines of source around `line`, numbered, with a marker under the reported line. */
export function codeFrame(appDir: string, file: string, line: number, column = 1): string {
  if (!file || line <= 0) return '';
  let lines: string[];
  try {
    // A BOM and CRLF line endings (Windows editors) must not show up in the frame.
    lines = fs
      .readFileSync(path.join(appDir, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
  } catch {
    return '';
  }
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, '  ').slice(0, 160);
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
