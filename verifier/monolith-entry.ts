import * as path from 'node:path';
import { InputError } from '../model/errors';
import { ENTRY_FLAG, resolveEntryFile } from '../analyzer/load/explicit-entries';

/**
 * The entry verify starts the monolith from, relative to the app dir: `--entry` when given (one
 * file: verify runs one monolith), else the first of the plan's `app.entry` (`planEntries`), the
 * entry the plan and its functions were made from. Either must be a file inside the app folder;
 * it is checked before anything runs.
 */
export function monolithEntry(appDir: string, flag: string[] | undefined, planEntries: readonly string[], planFile: string): string {
  if (flag && flag.length > 1) {
    throw new InputError('ENTRY_NOT_ONE', `verify starts one monolith, but --entry names ${flag.length} files`, 'give verify --entry the one file that starts the server');
  }
  const given = flag?.[0];
  const entry = given ?? planEntries[0];
  if (entry === undefined) throw new InputError('NO_ENTRY', `the plan ${planFile} names no entry file`, 'pass --entry with the file that starts the server');
  const file = resolveEntryFile(appDir, entry, given !== undefined ? ENTRY_FLAG : { key: 'app.entry', file: planFile });
  return path.relative(path.resolve(appDir), file).split(path.sep).join('/');
}
