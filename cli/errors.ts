import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { ConfigError } from '../model/errors';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Prints an error as the one line of the contract and returns exit code 2; stacks only with --debug. */
export function reportError(error: unknown, debug: boolean, stderr: (text: string) => void): number {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) stderr(`cleave: error: ${error.file}: ${problem} (${error.advice})\n`);
  } else if (error instanceof InputError) {
    stderr(`cleave: error: ${error.message} (${error.advice})\n`);
  } else if (isSystemError(error) && fileInTheWay(error)) {
    const file = fileInTheWay(error)!;
    const what =
      file === path.resolve(error.path!) ? `${file} is a file, not a folder` : `${file} is a file, so the folder ${error.path} cannot be made under it`;
    stderr(`cleave: error: ${what} (choose an output path that does not go through a file)\n`);
  } else if (isSystemError(error)) {
    stderr(`cleave: error: ${error.message.split('\n')[0]} (check that path, its folders and their permissions)\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr(`cleave: error: ${message.split('\n')[0]} (run again with --debug for details, and report it if it persists)\n`);
  }
  if (debug && error instanceof Error && error.stack) stderr(error.stack + '\n');
  return EXIT.usage;
}

/**
 * Prints the stack of an unexpected error that analysis survived (it is also an `ANALYSIS_ERROR`
 * diagnostic) when `--debug` is on; prints nothing otherwise.
 */
export function internalErrorPrinter(debug: boolean, stderr: (text: string) => void): ((error: unknown, file: string) => void) | undefined {
  if (!debug) return undefined;
  return (error, file) => stderr(`cleave: debug: unexpected error in ${file}:\n${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
}

/** A file-system error of Node (`ENOENT`, `EACCES`, `ENOTDIR`, `ENOSPC`, ...): the environment's fault, not cleave's. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  // Not `instanceof Error`: an error made in another realm (a vm context, jest's sandbox) is one too.
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as NodeJS.ErrnoException).message === 'string' &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!) &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * The file that stands where a folder had to be made, when that is why `mkdir` failed (`-o notes.txt`
 * or `-o notes.txt/out`): the path itself or the nearest of its parents that exists and is no folder.
 */
function fileInTheWay(error: NodeJS.ErrnoException): string | undefined {
  if (error.syscall !== 'mkdir' || (error.code !== 'EEXIST' && error.code !== 'ENOTDIR') || !error.path) return undefined;
  for (let p = path.resolve(error.path); ; p = path.dirname(p)) {
    try {
      if (!fs.statSync(p).isDirectory()) return p;
    } catch {
      // not there (or under a file): look one level up
    }
    if (path.dirname(p) === p) return undefined;
  }
}
