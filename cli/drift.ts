import * as path from 'node:path';
import type { GenerateIntoResult } from './generate-into';
import type { CliIo } from './io';

/**
 * The outcome of `--check` (split or generate): one stdout line per file that would be written or
 * removed, and whether the committed output still matches the monolith. Like `prettier --check`,
 * for a CI job that keeps committed functions in sync.
 */
export function reportDrift(result: GenerateIntoResult, output: string, io: CliIo): { drifted: boolean } {
  for (const file of result.written) io.stdout(`would write ${path.join(output, file)}\n`);
  for (const file of result.removed) io.stdout(`would remove ${path.join(output, file)}\n`);
  const changes = result.written.length + result.removed.length;
  io.stdout(changes === 0 ? `${output} is up to date (${result.unchanged.length} files)\n` : `${changes} file${changes === 1 ? '' : 's'} in ${output} would change: run without --check to update them\n`);
  return { drifted: changes > 0 };
}
