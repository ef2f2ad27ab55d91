import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../model/errors';

/**
 * Where the user named entry files, for the advice of input errors: the `--entry` flag, or a key
 * of a file (`entry` of cleave.config.yaml, `app.entry` of a plan).
 */
export type EntrySource = { flag: '--entry' } | { key: string; file: string };

/** The `--entry` flag as an {@link EntrySource}. */
export const ENTRY_FLAG: EntrySource = { flag: '--entry' };

/**
 * Resolves entry files named by the user against the app dir into absolute paths. A path outside
 * the app folder, also one that leads out through a symbolic link, is an input error before the
 * file is read (`ENTRY_OUTSIDE_APP`); so is a missing file or a folder (`ENTRY_NOT_FOUND`).
 */
export function explicitEntries(appDir: string, entries: string[], source: EntrySource = ENTRY_FLAG): string[] {
  return entries.map((entry) => resolveEntryFile(appDir, entry, source));
}

/** Resolves one entry file like {@link explicitEntries}. */
export function resolveEntryFile(appDir: string, entry: string, source: EntrySource = ENTRY_FLAG): string {
  const dir = path.resolve(appDir);
  const file = path.resolve(dir, entry);
  if (!isInside(dir, file)) {
    throw new InputError('ENTRY_OUTSIDE_APP', `entry file ${entry} is outside the app folder`, advice(source, 'a file inside the app folder, relative to it'));
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new InputError('ENTRY_NOT_FOUND', `entry file not found: ${entry}`, advice(source, 'a file path relative to the app folder'));
  }
  if (!isInside(fs.realpathSync(dir), fs.realpathSync(file))) {
    throw new InputError(
      'ENTRY_OUTSIDE_APP',
      `entry file ${entry} leads outside the app folder through a symbolic link`,
      advice(source, 'a file inside the app folder, relative to it'),
    );
  }
  return file;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function advice(source: EntrySource, what: string): string {
  return 'flag' in source ? `give ${source.flag} ${what}` : `set ${source.key} in ${source.file} to ${what}, or pass --entry`;
}
