import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { MANIFEST_FILE } from '../model/output-files';

/** The manifest's file name in the output folder. */

/** `.cleave-manifest.json`: what cleave wrote in an output folder, with hashes, so it never overwrites anyone's edits. */
export interface Manifest {
  /** Always `cleave`. */
  generator: 'cleave';
  /** Version of this file's format. */
  manifestVersion: 1;
  /** Every file cleave wrote (paths relative to the folder, with '/'), with the sha256 of what it wrote. */
  files: Record<string, { sha256: string }>;
}

/** Hex sha256 of a text or buffer. */
export function sha256(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** The manifest of `root`, or an empty one when there is none (or it cannot be read: then nothing counts as cleave's). */
export function readManifest(root: string): Manifest {
  const empty: Manifest = { generator: 'cleave', manifestVersion: 1, files: {} };
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    if (parsed.generator !== 'cleave' || typeof parsed.files !== 'object' || parsed.files === null) return empty;
    return { ...empty, files: { ...parsed.files } };
  } catch {
    return empty;
  }
}

/** The manifest as text: keys sorted, so the same files give the same bytes. */
export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(
    Object.keys(manifest.files)
      .sort()
      .map((k) => [k, manifest.files[k]!]),
  );
  return JSON.stringify({ generator: manifest.generator, manifestVersion: manifest.manifestVersion, files }, null, 2) + '\n';
}

/** What to do with one output file: `kept-edited` leaves a file someone edited since cleave wrote it as it is. */
export type WriteDecision = 'create' | 'update' | 'unchanged' | 'kept-edited';

/**
 * Whether cleave may write `contents` to `relPath` under `root`: a new file, a file it wrote and
 * nobody changed since, or one already holding exactly these contents. A file edited since cleave
 * wrote it is kept as it is (`kept-edited`: the edits are the user's); a file cleave did not write
 * is refused with an `InputError` naming it. `force` overwrites both, and so does a path in
 * `mergedEdits` (files whose edits cleave has read and carried over, such as the plan `split`
 * re-plans).
 */
export function decideWrite(
  root: string,
  relPath: string,
  contents: string | Uint8Array,
  manifest: Manifest,
  options: { force?: boolean; mergedEdits?: readonly string[] },
): WriteDecision {
  let current: Buffer;
  try {
    current = fs.readFileSync(path.join(root, relPath));
  } catch {
    return 'create';
  }
  const now = sha256(current);
  if (now === sha256(contents)) return 'unchanged';
  if (options.force || options.mergedEdits?.includes(relPath)) return 'update';
  const recorded = manifest.files[relPath]?.sha256;
  if (recorded === now) return 'update';
  const shown = path.join(path.relative(process.cwd(), root) || '.', relPath);
  if (recorded === undefined) {
    throw new InputError('OUTPUT_NOT_OURS', `${shown} exists and was not written by cleave`, 'move it away, or run again with --force to overwrite it');
  }
  return 'kept-edited';
}
