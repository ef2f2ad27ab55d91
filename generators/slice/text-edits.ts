/** A replacement of the text between two offsets. */
export interface TextEdit {
  /** Offset of the first character replaced. */
  start: number;
  /** Offset just past the last character replaced. */
  end: number;
  /** What stands there instead. */
  text: string;
}

/** Replaces each range by its text. One pass: an edit inside one already made is skipped (a rename inside a removed statement). Pure. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end, text: replacement } of [...edits].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (start < at) continue;
    parts.push(text.slice(at, start), replacement);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
