import * as path from 'node:path';
import type { DiagnosticSink } from './diagnostics';
import { InputError } from '../model/errors';

/** Receives an unexpected error that analysis survived (the CLI prints its stack with `--debug`). */
export type InternalErrorListener = (error: unknown, file: string) => void;

/**
 * Records an unexpected error met while analysing one file as an `ANALYSIS_ERROR` diagnostic
 * naming the file, so the rest of the app is still analysed. An `InputError` is not unexpected:
 * it is thrown on.
 */
export function reportInternalError(diagnostics: DiagnosticSink, file: string, what: string, error: unknown, listener?: InternalErrorListener): void {
  if (error instanceof InputError) throw error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  diagnostics.atFile(
    'ANALYSIS_ERROR',
    'error',
    file,
    0,
    `cleave failed while ${what} ${path.basename(file)}: ${message.split('\n')[0]}`,
    'what this file registers may be missing from the analysis; run with --debug for the stack trace and report it',
  );
  listener?.(error, file);
}
