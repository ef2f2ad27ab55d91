/** How much a finding matters: `error` fails the command (exit 1), `warning` works differently, `info` is worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * What every stage reports, in one shape: a stable code from its stage's list, how much it
 * matters, where, what happened and what to do. The analysis' diagnostics and hazards and the
 * generators' findings carry these fields (under their own names where the JSON contract fixed
 * them earlier); reporters print them alike (`<severity> <CODE> <file>[:<line>]: <message>`).
 */
export interface Finding<Code extends string = string> {
  /** Stable UPPER_SNAKE code, one of its stage's list (`GENERATOR_CODES`, ...). */
  code: Code;
  /** How much it matters. */
  severity: Severity;
  /** The file it concerns (relative to the app folder, or to the output folder for generated files). */
  file: string;
  /** 1-based line in `file`, when it concerns one place. */
  line?: number;
  /** What happened. */
  message: string;
  /** What to do about it. */
  advice?: string;
}
