import { InputError } from '../analyzer/errors';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Prints an error as the one line of the contract and returns exit code 2; stacks only with --debug. */
export function reportError(error: unknown, debug: boolean, stderr: (text: string) => void): number {
  if (error instanceof InputError) {
    stderr(`cleave: error: ${error.message} (${error.advice})\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr(`cleave: error: ${message.split('\n')[0]} (run again with --debug for details, and report it if it persists)\n`);
  }
  if (debug && error instanceof Error && error.stack) stderr(error.stack + '\n');
  return EXIT.usage;
}
