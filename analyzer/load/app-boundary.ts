import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether `file` is `dir` or lies below it (both absolute). */
function within(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** `p` with every symbolic link resolved; `p` itself when it does not exist (a dangling link). */
function real(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

/**
 * Whether `file` (absolute) lies inside the app folder as written but a symbolic link on its way
 * leads it out (`shared -> ../../other-project`): cleave never reads such a file, so nothing
 * outside the app folder is read through a link the app holds.
 */
export function leadsOutsideThroughLink(appDir: string, file: string): boolean {
  return within(appDir, file) && !within(real(appDir), real(file));
}

/** Where a symbolic link found in the app folder leads, when that is outside it; undefined otherwise. */
export function outsideLinkTarget(appDir: string, link: string): string | undefined {
  let target: string;
  try {
    target = fs.readlinkSync(link);
  } catch {
    return undefined;
  }
  const resolved = path.resolve(real(path.dirname(link)), target);
  // A dangling link is judged by where it points; a live one by where it really ends up.
  return within(real(appDir), fs.existsSync(resolved) ? real(resolved) : resolved) ? undefined : target;
}
