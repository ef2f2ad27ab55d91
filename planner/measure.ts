import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

/** A bundle esbuild built in memory: its size, the app files in it and the npm packages it imports. */
export interface BundleMeasure {
  /** Bytes of the output (not minified; npm packages external). */
  bytes: number;
  /** App files bundled, relative to the app dir, sorted. */
  inputs: string[];
  /** npm packages imported (bare names, builtins left out), sorted. */
  packages: string[];
}

/** The app's module graph from one whole-app bundle. */
export interface ModuleGraph {
  /** Bytes each app file contributes to the whole-app bundle. */
  bytes: Map<string, number>;
  /** Imports between app files (from → to), each list sorted. */
  imports: Map<string, string[]>;
  /** The whole app's bundle. */
  app: BundleMeasure;
}

/** What the planner may ask about sizes. Measuring reads files; it never writes any. */
export interface Measurer {
  /** Size of an app file in bytes, or undefined when unknown. */
  fileBytes(file: string): number | undefined;
  /** Text of an app file, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** Bundles the app from its entries; undefined when esbuild cannot (the plan then estimates). */
  appGraph(entries: readonly string[]): Promise<ModuleGraph | undefined>;
  /** Bundles each group of entry files in one esbuild run; undefined when esbuild fails. */
  bundles(groups: ReadonlyMap<string, readonly string[]>): Promise<Map<string, BundleMeasure> | undefined>;
}

const ENTRY_NS = 'cleave-entry';
const BUILTINS = new Set(builtinModules);

/** A measurer over an app folder: file sizes from the disk, bundles from esbuild (in memory). */
export function createMeasurer(appDir: string): Measurer {
  const root = path.resolve(appDir);
  const sizes = new Map<string, number | undefined>();
  return {
    fileBytes(file) {
      if (!sizes.has(file)) {
        let size: number | undefined;
        try {
          size = fs.statSync(path.join(root, file)).size;
        } catch {
          size = undefined;
        }
        sizes.set(file, size);
      }
      return sizes.get(file);
    },
    readText(file) {
      try {
        return fs.readFileSync(path.join(root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    async appGraph(entries) {
      const result = await bundleGroups(root, new Map([['app', [...entries]]]));
      if (!result) return undefined;
      const app = result.measures.get('app');
      if (!app) return undefined;
      return { ...graphOf(result.metafile), app };
    },
    async bundles(groups) {
      return (await bundleGroups(root, groups))?.measures;
    },
  };
}

async function bundleGroups(root: string, groups: ReadonlyMap<string, readonly string[]>): Promise<{ metafile: Metafile; measures: Map<string, BundleMeasure> } | undefined> {
  if (groups.size === 0) return { metafile: { inputs: {}, outputs: {} }, measures: new Map() };
  const names = [...groups.keys()];
  const entryPlugin: Plugin = {
    name: 'cleave-entries',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${ENTRY_NS}:`) }, (args) => ({ path: args.path.slice(ENTRY_NS.length + 1), namespace: ENTRY_NS }));
      b.onLoad({ filter: /.*/, namespace: ENTRY_NS }, (args) => ({
        contents: (groups.get(args.path) ?? []).map((f) => `require(${JSON.stringify('./' + f)});`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
  try {
    const result = await build({
      entryPoints: names.map((name, i) => ({ in: `${ENTRY_NS}:${name}`, out: `e${i}` })),
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
      plugins: [entryPlugin, emptyNonCode],
    });
    const measures = new Map<string, BundleMeasure>();
    for (const output of Object.values(result.metafile.outputs)) {
      if (!output.entryPoint?.startsWith(`${ENTRY_NS}:`)) continue;
      const inputs = Object.keys(output.inputs).filter((f) => !f.startsWith(`${ENTRY_NS}:`)).sort();
      measures.set(output.entryPoint.slice(ENTRY_NS.length + 1), { bytes: output.bytes, inputs, packages: packagesOf(result.metafile, inputs) });
    }
    return { metafile: result.metafile, measures };
  } catch {
    return undefined;
  }
}

/** Extensions esbuild loads as code or data; anything else reached by a require is not measured. */
const CODE = /\.([cm]?[jt]sx?|json)$/i;

/**
 * Files that are not code, reached through a computed require (`require(\`./${name}\`)` makes
 * esbuild take every file of the folder, READMEs included), count as empty instead of failing
 * the whole measurement for want of a loader.
 */
const emptyNonCode: Plugin = {
  name: 'cleave-empty-non-code',
  setup(b) {
    b.onLoad({ filter: /.*/ }, async (args) => {
      if (args.namespace !== 'file' || CODE.test(args.path)) return undefined;
      // A script without an extension (`bin/www`) is JavaScript to Node.
      if (path.extname(args.path) === '') return { contents: await fs.promises.readFile(args.path, 'utf8'), loader: 'js' };
      return { contents: '', loader: 'empty' };
    });
  },
};

function graphOf(metafile: Metafile): Omit<ModuleGraph, 'app'> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      if (!file.startsWith(`${ENTRY_NS}:`)) bytes.set(file, (bytes.get(file) ?? 0) + input.bytesInOutput);
    }
  }
  const imports = new Map<string, string[]>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (file.startsWith(`${ENTRY_NS}:`)) continue;
    const targets = input.imports.filter((i) => !i.external && metafile.inputs[i.path] && !i.path.startsWith(`${ENTRY_NS}:`)).map((i) => i.path);
    imports.set(file, [...new Set(targets)].sort());
  }
  return { bytes, imports };
}

function packagesOf(metafile: Metafile, inputs: readonly string[]): string[] {
  const packages = new Set<string>();
  for (const file of inputs) {
    for (const imp of metafile.inputs[file]?.imports ?? []) {
      const name = packageName(imp.path);
      if (imp.external && name) packages.add(name);
    }
  }
  return [...packages].sort();
}

/** The npm package a bare specifier names (`@scope/pkg/sub` → `@scope/pkg`); undefined for builtins and paths. */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? undefined : name;
}
