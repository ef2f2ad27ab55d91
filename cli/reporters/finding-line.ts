import type { GeneratorDiagnostic } from '../../generators/types';

/** One generation finding as one line on stderr, prefixed by the command that reports it (`generate`, `split`). */
export function findingLine(command: string, d: GeneratorDiagnostic): string {
  return `cleave: ${command}: ${d.severity} ${d.code} ${d.file}${d.subject ? ` (${d.subject})` : ''}: ${d.message}${d.advice ? ` (${d.advice})` : ''}\n`;
}
