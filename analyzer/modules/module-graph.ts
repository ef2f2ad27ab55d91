import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import type { AppModules, ModuleFile } from '../../model/analysis';
import { leadsOutsideThroughLink } from '../load/app-boundary';
import { packageName } from '../load/module-resolver';
import { emptyNonCode } from '../../bundler/plugins/empty-non-code';
import { appAliases } from '../../bundler/plugins/app-aliases';
import type { AppAliases } from '../../model/app-aliases';

const ENTRY = 'cleave-app-entries';
const BUILTINS = new Set(builtinModules);

/**
 * The app's module graph with sizes, from one in-memory esbuild bundle of its entries (npm
 * packages external, not minified): the bytes each app file contributes, its imports of app
 * files and of npm packages, resolving the app's own `aliases` (module-alias, `NODE_PATH`) as it
 * does. Writes nothing; undefined when esbuild cannot bundle the app.
 */
export async function measureModules(
  appDir: string,
  entries: readonly string[],
  aliases: AppAliases = { aliases: {}, nodePaths: [] },
): Promise<AppModules | undefined> {
  if (entries.length === 0) return undefined;
  const root = path.resolve(appDir);
  const entryPlugin: Plugin = {
    name: 'cleave-entries',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, () => ({ path: ENTRY, namespace: ENTRY }));
      b.onLoad({ filter: /.*/, namespace: ENTRY }, () => ({
        contents: entries.map((f) => `${b.initialOptions.format === 'esm' ? 'import' : 'require'}(${JSON.stringify('./' + f)});`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
  const options = {
    entryPoints: [{ in: ENTRY, out: 'app' }],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    outdir: path.join(root, '.cleave-measure'),
    // Paths as the app spells them, so a file reached through a link that leads out of the app is seen as such.
    preserveSymlinks: true,
    plugins: [entryPlugin, appAliases(root, aliases.aliases, aliases.nodePaths), notThroughOutsideLinks(root), emptyNonCode],
  } satisfies BuildOptions;
  // A tsconfig.json that does not parse fails esbuild (the analysis warns TSCONFIG_INVALID and goes
  // on with default options): measure with no tsconfig before giving up. An ES module app with
  // top-level await cannot be bundled as CommonJS: measure it as ESM.
  const variants: BuildOptions[] = [
    options,
    { ...options, tsconfigRaw: '{}' },
    { ...options, format: 'esm' },
    { ...options, format: 'esm', tsconfigRaw: '{}' },
  ];
  for (const variant of variants) {
    try {
      return modulesOf((await build({ ...variant, write: false, metafile: true })).metafile);
    } catch {
      // try the next variant
    }
  }
  return undefined;
}

/** A file inside the app as written that a symbolic link leads outside it is measured empty, never read. */
function notThroughOutsideLinks(root: string): Plugin {
  return {
    name: 'cleave-not-through-outside-links',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) =>
        args.namespace === 'file' && leadsOutsideThroughLink(root, args.path) ? { contents: '', loader: 'empty' } : undefined,
      );
    },
  };
}

function modulesOf(metafile: Metafile): AppModules {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint === `${ENTRY}:${ENTRY}`);
  const files: Record<string, ModuleFile> = {};
  for (const file of Object.keys(metafile.inputs)
    .filter((f) => !f.startsWith(`${ENTRY}:`))
    .sort()) {
    const imports = metafile.inputs[file]!.imports;
    const internal = imports.filter((i) => !i.external && metafile.inputs[i.path] && !i.path.startsWith(`${ENTRY}:`));
    const aliases = internal
      .filter((i) => i.original !== undefined && !i.original.startsWith('.') && !i.original.startsWith('/'))
      .sort((a, b) => a.original!.localeCompare(b.original!));
    files[file] = {
      bytes: output?.inputs[file]?.bytesInOutput ?? 0,
      imports: [...new Set(internal.map((i) => i.path))].sort(),
      packages: [
        ...new Set(
          imports
            .filter((i) => i.external)
            .map((i) => npmPackage(i.path))
            .filter((n): n is string => n !== undefined),
        ),
      ].sort(),
      ...(aliases.length > 0 ? { aliases: Object.fromEntries(aliases.map((i) => [i.original!, i.path])) } : {}),
    };
  }
  return { appBytes: output?.bytes ?? 0, files };
}

/** The npm package a bare specifier names; undefined for builtins and paths. */
function npmPackage(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const name = packageName(specifier);
  return BUILTINS.has(name) ? undefined : name;
}
