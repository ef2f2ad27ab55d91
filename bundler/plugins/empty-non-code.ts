import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

/** Files esbuild loads by default (code, JSON, text, CSS) or that must not be emptied (native addons). */
const LOADABLE = /\.([cm]?[jt]sx?|json|txt|css|node)$/i;

/**
 * Files that are not code, reached through a computed require (`require(\`./${name}\`)` makes
 * esbuild take every file of the folder, a README.md or an HTML page too, in the app or in a
 * package such as node-pre-gyp), load as empty modules instead of failing the build for want of
 * a loader; a script without an extension (`bin/www`) loads as JavaScript, as Node reads it. The
 * one such plugin of cleave's esbuild builds: the analysis' measurement and the functions' bundles.
 */
export const emptyNonCode: Plugin = {
  name: 'cleave-empty-non-code',
  setup(build) {
    build.onLoad({ filter: /.*/ }, async (args) => {
      if (args.namespace !== 'file' || LOADABLE.test(args.path)) return undefined;
      if (path.extname(args.path) === '') return { contents: await fs.promises.readFile(args.path, 'utf8'), loader: 'js' };
      return { contents: '', loader: 'empty' };
    });
  },
};
