import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';

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
 * among the app's own files.
 */
export function assertNotAppRoot(outDir: string, appDir: string, shown: string = outDir): void {
  if (realLocation(outDir) === realLocation(appDir)) {
    throw new InputError('OUTPUT_IS_APP_ROOT', `the output folder ${shown} is the app folder itself`, 'choose a folder inside it, e.g. -o functions');
  }
}
