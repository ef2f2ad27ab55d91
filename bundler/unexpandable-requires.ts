import * as path from 'node:path';
import { esbuildErrors } from './esbuild-errors';
import { packageOf } from './package-of';
import type { DynamicRequire } from './shipped-packages';

/** esbuild's error for a computed `require` it turned into a file pattern that matches no file. */
const NO_MATCH = /^Could not resolve require\("([^"]*\*[^"]*)"\)$/;

/**
 * The packages a failed esbuild build could not bundle because a computed `require` in their own
 * code matches none of their files (dtrace-provider's `require('./src/build/' + dir +
 * '/DTraceProviderBindings')`, a native binding a build step would have made): such a package
 * must run installed, shipped beside the bundle, where the call fails or succeeds as in the
 * monolith (most wrap it in `try`). Empty when any error is of another kind, or in the app's own
 * code: that failure is the app's to fix. `workingDir` is the build's `absWorkingDir`.
 */
export function unexpandableRequires(error: unknown, workingDir: string): DynamicRequire[] {
  const found = new Map<string, DynamicRequire>();
  for (const e of esbuildErrors(error)) {
    const pattern = NO_MATCH.exec(e.text)?.[1];
    const file = e.location?.file.split(path.sep).join('/');
    const name = file && packageOf(file);
    if (pattern === undefined || !file || !name) return [];
    const at = file.lastIndexOf('node_modules/') + 'node_modules/'.length;
    const dir = path.resolve(workingDir, file.slice(0, at + name.length));
    if (!found.has(dir)) found.set(dir, { name, dir, reason: `require("${pattern}") matches none of its files in ${file.slice(at)}:${e.location!.line}` });
  }
  return [...found.values()];
}
