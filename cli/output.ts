import * as path from 'node:path';
import { decideWrite, MANIFEST_FILE, manifestText, readManifest, sha256, type WriteDecision } from './manifest';
import { writeFileAtomic } from './write-file';

/** A file to write: generated text, or bytes (a bundle's copy of an app asset). */
export interface OutputFile {
  /** Path relative to the output folder, with '/'. */
  path: string;
  /** Text or bytes. */
  contents: string | Uint8Array;
}

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
}

/** What `writeOutputFiles` did. */
export interface WriteOutputResult {
  /** Absolute paths written (or that would be written with `dryRun`), in the order given; unchanged files excluded. */
  written: string[];
  /** Absolute paths that already held exactly these contents (with `manifest`). */
  unchanged: string[];
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
  const targets = files.map((file) => ({ file, target: insideOrThrow(root, file.path, outDir) }));
  const manifest = options.manifest ? readManifest(root) : undefined;
  const decisions = targets.map(({ file }) => ({
    path: relative(root, path.resolve(root, file.path)),
    decision: manifest ? decideWrite(root, relative(root, path.resolve(root, file.path)), file.contents, manifest, options) : ('update' as WriteDecision),
  }));
  const result: WriteOutputResult = { written: [], unchanged: [], decisions: manifest ? decisions : [] };
  targets.forEach(({ file, target }, i) => {
    if (decisions[i]!.decision === 'unchanged') {
      result.unchanged.push(target);
    } else {
      if (!options.dryRun) writeFileAtomic(target, file.contents);
      result.written.push(target);
    }
    if (manifest) manifest.files[decisions[i]!.path] = { sha256: sha256(file.contents) };
  });
  if (manifest && !options.dryRun) writeFileAtomic(path.join(root, MANIFEST_FILE), manifestText(manifest));
  return result;
}

function insideOrThrow(root: string, file: string, outDir: string): string {
  const target = path.resolve(root, file);
  if (path.isAbsolute(file) || (target !== root && !target.startsWith(root + path.sep)) || path.basename(target) === MANIFEST_FILE) {
    throw new Error(`refusing to write ${file}: outside the output folder ${outDir}, or the manifest itself`);
  }
  return target;
}

function relative(root: string, target: string): string {
  return path.relative(root, target).split(path.sep).join('/');
}
