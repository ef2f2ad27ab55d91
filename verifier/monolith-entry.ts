import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { ENTRY_FLAG, resolveEntryFile } from '../analyzer/load/explicit-entries';
import { LISTEN, packageEntryFiles } from '../analyzer/load/entries';

/**
 * The entry verify starts the monolith from, relative to the app dir: `--entry` when given (one
 * file: verify runs one monolith), else the first of the plan's `app.entry` (`planEntries`), the
 * entry the plan and its functions were made from. Either must be a file inside the app folder;
 * it is checked before anything runs. A plan entry that never listens (express-generator's
 * `app.js`, which `bin/www` serves) gives way to the program package.json starts, when that one
 * listens: the analysis reads only code files by their extension, and `bin/www` has none.
 */
export function monolithEntry(appDir: string, flag: string[] | undefined, planEntries: readonly string[], planFile: string): string {
  if (flag && flag.length > 1) {
    throw new InputError(
      'ENTRY_NOT_ONE',
      `verify starts one monolith, but --entry names ${flag.length} files`,
      'give verify --entry the one file that starts the server',
    );
  }
  const given = flag?.[0];
  const entry = given ?? planEntries[0];
  if (entry === undefined) throw new InputError('NO_ENTRY', `the plan ${planFile} names no entry file`, 'pass --entry with the file that starts the server');
  const file = resolveEntryFile(appDir, entry, given !== undefined ? ENTRY_FLAG : { key: 'app.entry', file: planFile });
  const started = given === undefined && !listens(file) ? startedProgram(appDir, file) : undefined;
  return path
    .relative(path.resolve(appDir), started ?? file)
    .split(path.sep)
    .join('/');
}

function listens(file: string): boolean {
  try {
    return LISTEN.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** The program package.json names (`node ./bin/www` in `start`, `bin`, `main`) that listens, other than `entry`; undefined when none does. */
function startedProgram(appDir: string, entry: string): string | undefined {
  let packageJson: Record<string, unknown> | undefined;
  try {
    packageJson = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const root = { dir: path.resolve(appDir), packageJson, compilerOptions: {}, nodePaths: [] };
  return packageEntryFiles(root).find((f) => f !== entry && listens(f));
}
