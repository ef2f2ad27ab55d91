import * as path from 'node:path';
import type { GeneratedFile } from '../model/generated-file';
import { writeFileAtomic } from './write-file';

/** Options of `writeOutputFiles`. */
export interface WriteOutputOptions {
  /** Report what would be written without writing. */
  dryRun?: boolean;
}

/** What `writeOutputFiles` did. */
export interface WriteOutputResult {
  /** Absolute paths written (or that would be written with `dryRun`), in the order given. */
  written: string[];
}

/**
 * The one place cleave writes generated files: each file's `path` is relative to `outDir` and
 * must stay inside it; every write is atomic. (The manifest and overwrite protection of
 * `generate` hook in here.)
 */
export function writeOutputFiles(outDir: string, files: readonly GeneratedFile[], options: WriteOutputOptions = {}): WriteOutputResult {
  const root = path.resolve(outDir);
  const written: string[] = [];
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (path.isAbsolute(file.path) || (target !== root && !target.startsWith(root + path.sep))) {
      throw new Error(`refusing to write ${file.path}: outside the output folder ${outDir}`);
    }
    if (!options.dryRun) writeFileAtomic(target, file.contents);
    written.push(target);
  }
  return { written };
}
