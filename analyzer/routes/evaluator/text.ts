/** Source text on one line, whitespace collapsed (for names, conditions and messages). */
export function compact(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
