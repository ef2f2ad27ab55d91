const CALL = /\b(setInterval|setTimeout|schedule|scheduleJob|CronJob|cron)\s*\(/;

/** The interval (last argument of setInterval/setTimeout) or cron string (first string argument) of the call on `line`. */
export function timerExpression(text: string | undefined, line: number): string | undefined {
  if (!text) return undefined;
  const lines = text.split('\n');
  const from = lines.slice(0, Math.max(0, line - 1)).join('\n').length + (line > 1 ? 1 : 0);
  const rest = text.slice(from);
  const call = CALL.exec(rest);
  if (!call || rest.slice(0, call.index).includes('\n\n')) return undefined;
  const args = splitArguments(rest, call.index + call[0].length);
  const cron = args.find((a) => /^['"`][^'"`]+['"`]$/.test(a) && a.slice(1, -1).trim().split(/\s+/).length >= 5);
  if (cron) return cron;
  return call[1] === 'setInterval' || call[1] === 'setTimeout' ? args[1] : args[0];
}

function splitArguments(text: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    }
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) args.push(current.trim());
  return args;
}
