import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSourceName } from '../analyzer/load/source-files';
import { InputError } from '../model/errors';
import { MANIFEST_FILE } from '../model/output-files';

/**
 * Where `p` really is: the nearest part of it that exists, with every symbolic link resolved,
 * then the parts that do not exist yet. Two spellings of one folder (`app`, `app/`, `../x/app`,
 * a link to it) give the same answer, so a comparison cannot be fooled by a link.
 */
export function realLocation(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Whether `p` is `dir` or lies below it (both absolute, already real). */
export function isWithin(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses an output folder that is the app folder itself, however it is spelled (a trailing
 * slash, `..` segments, a symbolic link to the app): everything cleave writes there would land
 * among the app's own files. Refuses as well a folder inside the app that holds its sources and
 * no manifest (`-o src/routes`, or a link to it): the functions would mix with the code they import.
 */
export function assertOutputFolder(outDir: string, appDir: string, shown: string = outDir): void {
  const out = realLocation(outDir);
  const app = realLocation(appDir);
  if (out === app) {
    throw new InputError('OUTPUT_IS_APP_ROOT', `the output folder ${shown} is the app folder itself`, 'choose a folder inside it, e.g. -o functions');
  }
  const source = isWithin(app, out) && !fs.existsSync(path.join(out, MANIFEST_FILE)) ? firstSourceFile(out) : undefined;
  if (source) {
    const at = path.relative(app, source).split(path.sep).join('/');
    throw new InputError(
      'OUTPUT_HOLDS_SOURCES',
      `the output folder ${shown} holds the app's own sources (${at})`,
      'choose a new folder for the generated functions, e.g. -o functions',
    );
  }
}

/** The first source file under `dir` (no links followed, dependencies and earlier cleave output skipped). */
function firstSourceFile(dir: string): string | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (entry.isFile() && isSourceName(entry.name)) return path.join(dir, entry.name);
  }
  for (const entry of entries) {
    const sub = path.join(dir, entry.name);
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.') || fs.existsSync(path.join(sub, MANIFEST_FILE))) continue;
    const found = firstSourceFile(sub);
    if (found) return found;
  }
  return undefined;
}
