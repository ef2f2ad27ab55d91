import * as path from 'node:path';
import { InputError } from '../model/errors';
import { decideWrite, manifestText, readManifest, sha256, type WriteDecision } from './manifest';
import { isWithin, realLocation } from './output-folder';
import { writeFileAtomic } from './write-file';
import { MANIFEST_FILE } from '../model/output-files';

import type { OutputFile } from '../model/generated-file';

export type { OutputFile } from '../model/generated-file';

/** Options of `writeOutputFiles`. */
export interface WriteOutputOptions {
  /** Report what would be written without writing. */
  dryRun?: boolean;
  /**
   * Keep `.cleave-manifest.json` in `outDir` and refuse (exit 2, naming the file) to overwrite a
   * file cleave did not write or one edited since, checked for every file before any is written.
   */
  manifest?: boolean;
  /** With `manifest`: overwrite even files cleave did not write or that were edited. */
  force?: boolean;
  /** With `manifest`: paths (relative to `outDir`) whose edits cleave has read and carried over, so they may be overwritten. */
  mergedEdits?: readonly string[];
  /**
   * The app folder: no file may land inside it unless the output folder itself lies inside it
   * (`-o functions`). Guards an output folder that holds the app (`cleave split ./app -o .`),
   * where `functions/<id>/...` could otherwise fall among the app's own files.
   */
  appDir?: string;
}

/** What `writeOutputFiles` did. */
export interface WriteOutputResult {
  /** Absolute paths written (or that would be written with `dryRun`), in the order given; unchanged files excluded. */
  written: string[];
  /** Absolute paths that already held exactly these contents (with `manifest`). */
  unchanged: string[];
  /** Paths (relative) left as they are because they were edited since cleave wrote them, with `manifest`. */
  keptEdited: string[];
  /** What happened to each path given (relative, as given), with `manifest`. */
  decisions: Array<{ path: string; decision: WriteDecision }>;
}

/**
 * The one place cleave writes generated files: each file's `path` is relative to `outDir` and
 * must stay inside it; every write is atomic (a temporary file, then a rename). With `manifest`,
 * overwrites are checked first and the manifest records the sha256 of everything written.
 */
export function writeOutputFiles(outDir: string, files: readonly OutputFile[], options: WriteOutputOptions = {}): WriteOutputResult {
  const root = path.resolve(outDir);
  const guard = outputGuard(root, outDir, options.appDir);
  const targets = files.map((file) => ({ file, target: guard(file.path) }));
  const manifest = options.manifest ? readManifest(root) : undefined;
  const decisions = targets.map(({ file }) => ({
    path: relative(root, path.resolve(root, file.path)),
    decision: manifest ? decideWrite(root, relative(root, path.resolve(root, file.path)), file.contents, manifest, options) : ('update' as WriteDecision),
  }));
  const result: WriteOutputResult = { written: [], unchanged: [], keptEdited: [], decisions: manifest ? decisions : [] };
  try {
    targets.forEach(({ file, target }, i) => {
      if (decisions[i]!.decision === 'kept-edited') {
        // The manifest keeps the hash cleave wrote, so the file still counts as edited next time.
        result.keptEdited.push(decisions[i]!.path);
        return;
      }
      if (decisions[i]!.decision === 'unchanged') {
        result.unchanged.push(target);
      } else {
        if (!options.dryRun) writeFileAtomic(target, file.contents);
        result.written.push(target);
      }
      if (manifest) manifest.files[decisions[i]!.path] = { sha256: sha256(file.contents) };
    });
  } finally {
    // Also after a failed write: the files already written stay cleave's, so the next run may replace them.
    if (manifest && !options.dryRun) writeFileAtomic(path.join(root, MANIFEST_FILE), manifestText(manifest));
  }
  return result;
}

/**
 * Checks every path before anything is written: relative, inside the output folder also once
 * symbolic links are followed (a link inside it must not lead elsewhere), not the manifest, and
 * not inside the app folder unless the output folder is.
 */
function outputGuard(root: string, outDir: string, appDir: string | undefined): (file: string) => string {
  const realRoot = realLocation(root);
  const realApp = appDir ? realLocation(appDir) : undefined;
  const appAllowed = !realApp || (isWithin(realApp, realRoot) && realRoot !== realApp);
  return (file) => {
    const target = path.resolve(root, file);
    const refuse = (why: string): never => {
      throw new InputError(
        'OUTPUT_PATH_REFUSED',
        `refusing to write ${file}: ${why}`,
        'choose an output folder of its own, e.g. -o functions inside the app, without links leading out of it',
      );
    };
    if (path.isAbsolute(file) || !isWithin(root, target) || target === root) refuse(`outside the output folder ${outDir}`);
    if (path.basename(target) === MANIFEST_FILE) refuse('it is the manifest itself');
    const real = realLocation(target);
    if (!isWithin(realRoot, real) || real === realRoot) refuse(`a symbolic link leads it outside the output folder ${outDir}`);
    if (!appAllowed && isWithin(realApp!, real)) refuse(`it would land inside the app folder ${appDir}`);
    return target;
  };
}

function relative(root: string, target: string): string {
  return path.relative(root, target).split(path.sep).join('/');
}
