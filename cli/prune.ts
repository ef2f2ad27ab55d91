import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestText, readManifest, sha256 } from './manifest';
import { writeFileAtomic } from './write-file';
import { MANIFEST_FILE } from '../model/output-files';

/** What pruning an output folder did. */
export interface PruneResult {
  /** Paths removed (or that would be, with `dryRun`): cleave wrote them, nobody changed them, and no function makes them any more. Sorted. */
  removed: string[];
  /** Paths no function makes any more but that were edited since cleave wrote them: left in place. Sorted. */
  keptEdited: string[];
}

/** Options of {@link pruneStale}. */
export interface PruneOptions {
  /** Folders (relative, with '/') whose files belong to functions: only files under them are pruned. */
  scopes: readonly string[];
  /** Report what would be removed and remove nothing. */
  dryRun?: boolean;
}

/**
 * Removes the files cleave wrote earlier under `scopes` that this run did not make (`made`):
 * the handlers, schedules and bundles of functions that were renamed or dropped from the plan.
 * A file edited since cleave wrote it is kept and reported, never removed; a file already gone
 * is forgotten. The manifest stops listing what was removed, and emptied folders go too.
 */
export function pruneStale(outDir: string, made: ReadonlySet<string>, options: PruneOptions): PruneResult {
  const root = path.resolve(outDir);
  const manifest = readManifest(root);
  const result: PruneResult = { removed: [], keptEdited: [] };
  const inScope = (p: string): boolean => options.scopes.some((s) => p.startsWith(s.endsWith('/') ? s : `${s}/`));
  let changed = false;
  for (const file of Object.keys(manifest.files).sort()) {
    if (made.has(file) || !inScope(file)) continue;
    const target = path.join(root, file);
    let current: Buffer | undefined;
    try {
      current = fs.readFileSync(target);
    } catch {
      current = undefined;
    }
    if (current !== undefined && sha256(current) !== manifest.files[file]!.sha256) {
      result.keptEdited.push(file);
      continue;
    }
    if (current !== undefined) result.removed.push(file);
    if (options.dryRun) continue;
    if (current !== undefined) fs.rmSync(target);
    removeEmptyParents(root, path.dirname(target));
    delete manifest.files[file];
    changed = true;
  }
  if (changed) writeFileAtomic(path.join(root, MANIFEST_FILE), manifestText(manifest));
  return result;
}

function removeEmptyParents(root: string, dir: string): void {
  for (let d = dir; d !== root && d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      if (fs.readdirSync(d).length > 0) return;
      fs.rmdirSync(d);
    } catch {
      return;
    }
  }
}
