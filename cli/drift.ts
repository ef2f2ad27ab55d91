import * as path from 'node:path';
import type { GenerateIntoResult } from './generate-into';
import type { CliIo } from './io';

/** How many files a generate run wrote (or would) or removed: with `--check`, the drift. */
export function changedFiles(result: Pick<GenerateIntoResult, 'written' | 'removed'>): number {
  return result.written.length + result.removed.length;
}

/**
 * The outcome of `--check` (split or generate): one stdout line per file that would be written or
 * removed, and a closing line saying whether the committed output still matches the monolith.
 * Like `prettier --check`, for a CI job that keeps committed functions in sync.
 */
export function reportDrift(result: GenerateIntoResult, output: string, io: CliIo): void {
  for (const file of result.written) io.stdout(`would write ${path.join(output, file)}\n`);
  for (const file of result.removed) io.stdout(`would remove ${path.join(output, file)}\n`);
  const changes = changedFiles(result);
  io.stdout(
    changes === 0
      ? `${output} is up to date (${result.unchanged.length} files)\n`
      : `${changes} file${changes === 1 ? '' : 's'} in ${output} would change: run without --check to update them\n`,
  );
}
