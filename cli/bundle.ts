import * as path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { BUNDLE_FILE } from '../generators/layout';
import type { GeneratedFile } from '../model/generated-file';

/** One entry to bundle: a generated handler, relative to the output folder. */
export interface BundleEntry {
  /** Function or schedule id. */
  id: string;
  /** The handler source, relative to the output folder. */
  source: string;
  /** Folder of the bundle, relative to the output folder. */
  outDir: string;
}

/** The size of one bundle, and what it is made of. */
export interface BundleSize {
  /** Function or schedule id. */
  id: string;
  /** The bundle, relative to the output folder. */
  file: string;
  /** Bytes of the bundle (what Lambda loads; `@aws-sdk/*` excluded, it is in the runtime). */
  bytes: number;
  /** Bytes of it that come from the monolith's own files (and the generated handler). */
  appBytes: number;
  /** Bytes of it that come from npm packages, by package, largest first. */
  packages: Array<{ name: string; bytes: number }>;
}

/** What bundling gives: files to write through the one writer, sizes, and failures. */
export interface BundleResult {
  /** Bundles (and nothing else), paths relative to the output folder. */
  files: GeneratedFile[];
  /** One per bundled entry. */
  sizes: BundleSize[];
  /** Entries esbuild could not bundle, with its first error. */
  failures: Array<{ id: string; message: string }>;
}

/** The esbuild options every function is bundled with (TOOLCHAIN.md). */
export const BUNDLE_OPTIONS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['@aws-sdk/*'] } as const;

/**
 * Bundles the generated handlers with esbuild (tree-shaken, node20, CommonJS, `@aws-sdk/*`
 * external). Reads the handler sources already written under `outDir`; returns the bundles for
 * the caller to write. Packages imported by generated files are resolved from the app first (so
 * a handler runs the monolith's own Express), then from the output folder, then from cleave's
 * own install (the adapter, when the app does not depend on it yet).
 */
export async function bundleHandlers(outDir: string, appDir: string, entries: BundleEntry[]): Promise<BundleResult> {
  const root = path.resolve(outDir);
  const result: BundleResult = { files: [], sizes: [], failures: [] };
  for (const entry of entries) {
    const outfile = path.join(root, entry.outDir, BUNDLE_FILE);
    try {
      const built = await build({
        ...BUNDLE_OPTIONS,
        external: [...BUNDLE_OPTIONS.external],
        entryPoints: [path.join(root, entry.source)],
        outfile,
        absWorkingDir: root,
        write: false,
        metafile: true,
        logLevel: 'silent',
        legalComments: 'none',
        plugins: [resolveFromApp(root, path.resolve(appDir))],
      });
      const output = built.outputFiles.find((f) => f.path === outfile) ?? built.outputFiles[0]!;
      const file = path.relative(root, outfile).split(path.sep).join('/');
      result.files.push({ path: file, contents: output.text });
      result.sizes.push({ id: entry.id, file, bytes: output.contents.byteLength, ...composition(built.metafile) });
    } catch (error) {
      const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors;
      const first = errors?.[0];
      result.failures.push({ id: entry.id, message: first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}` : String(error) });
    }
  }
  return result;
}

/** Bare imports of the generated files resolve from the app first, then the usual way, then from cleave. */
function resolveFromApp(outDir: string, appDir: string): Plugin {
  const cleaveDir = __dirname; // resolution walks up to cleave's own node_modules
  return {
    name: 'cleave-resolve-from-app',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'cleave' || !isInside(outDir, args.importer) || isInside(appDir, args.importer)) return undefined;
        for (const resolveDir of [appDir, args.resolveDir, cleaveDir]) {
          const found = await builder.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'cleave' });
          if (found.errors.length === 0) return found;
        }
        return undefined;
      });
    },
  };
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Bytes of the bundle from the app's own files and from each package, from esbuild's metafile. */
function composition(metafile: Metafile): Pick<BundleSize, 'appBytes' | 'packages'> {
  let appBytes = 0;
  const packages = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      if (name) packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
      else appBytes += bytesInOutput;
    }
  }
  const list = [...packages].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return { appBytes, packages: list };
}

/** The npm package an input path belongs to (the last `node_modules/` segment), if any. */
export function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}
