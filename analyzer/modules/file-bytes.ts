import * as fs from 'node:fs';
import * as path from 'node:path';

/** Size on disk of each file (relative to the app dir) that exists, keyed in sorted order. */
export function fileBytes(appDir: string, files: Iterable<string>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const file of [...new Set(files)].filter(Boolean).sort()) {
    try {
      const stat = fs.statSync(path.join(appDir, file));
      if (stat.isFile()) result[file] = stat.size;
    } catch {
      // A file named by the analysis but gone (or unreadable) has no known size: the planner assumes one.
    }
  }
  return result;
}
