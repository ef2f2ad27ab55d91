import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { BUNDLE_OPTIONS } from '../bundler/bundle';
import { REPO, median, round, runWorker } from './measure';

/** A sample monolith and the module that builds its app. */
export interface BundleSample {
  /** Repo-relative folder, e.g. samples/shop-api. */
  dir: string;
  /** Repo-relative app module (exports the app, or `createApp`). */
  entry: string;
}

/** Size and cold start of one bundle. */
export interface BundleFigure {
  /** Function id, or `whole-app`. */
  id: string;
  /** Bundle size in bytes (unminified, as esbuild writes it with the options below). */
  bytes: number;
  /** Bytes of the bundle that come from the app's own files (not node_modules): what splitting can cut. */
  appBytes: number;
  /** Median time of `require(bundle)` in a fresh process (ms). */
  coldRequireMs: number;
  /** Why it could not be built or required. */
  error?: string;
}

/** (c) for one sample: the whole app as one function vs each generated function. */
export interface SampleBundles {
  sample: string;
  entry: string;
  /** Bytes of the bundled app module alone (no adapter). */
  entryBytes: number;
  /** The lift-and-shift function: the app module behind the same adapter the generated handlers use. */
  wholeApp: BundleFigure & { adapter: string };
  /** One per `functions/<id>/handler.*` of `cleave split`; absent when skipped. */
  functions?: BundleFigure[];
  /** Why the generated functions were not measured. */
  skipped?: string;
  /** Median over functions of bytes / whole-app bytes. */
  medianBytesRatio?: number;
  /** Median over functions of cold require / whole-app cold require. */
  medianColdRatio?: number;
  /** Median over functions of app-code bytes / whole-app app-code bytes. */
  medianAppBytesRatio?: number;
}

const ADAPTERS = ['@codegenie/serverless-express', 'serverless-http'];

/** The esbuild options of TOOLCHAIN.md, plus resolution from the sample's and the repo's node_modules. */
function buildOptions(sampleDir: string, entry: string, outfile: string): esbuild.BuildOptions {
  return {
    ...BUNDLE_OPTIONS,
    external: [...BUNDLE_OPTIONS.external],
    entryPoints: [entry],
    outfile,
    logLevel: 'silent',
    nodePaths: [path.join(sampleDir, 'node_modules'), path.join(REPO, 'node_modules')],
    plugins: [pinDirname],
    metafile: true,
  };
}

/**
 * Bundled code runs from a temp folder, where `__dirname` no longer finds the app's files
 * (library-js reads config/settings.json at load). The app's own modules get their source
 * folder as a literal so the bundle can be required for timing; sizes barely change.
 */
const pinDirname: esbuild.Plugin = {
  name: 'pin-dirname',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(text)) return undefined;
      const ext = path.extname(args.path);
      const loader: esbuild.Loader = /^\.[cm]?ts$/.test(ext) ? 'ts' : ext === '.tsx' ? 'tsx' : ext === '.jsx' ? 'jsx' : 'js';
      return {
        contents: text.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))).replace(/\b__filename\b/g, JSON.stringify(args.path)),
        loader,
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

async function bundle(sampleDir: string, entry: string, outfile: string): Promise<{ bytes: number; appBytes: number; error?: string }> {
  try {
    const built = await esbuild.build(buildOptions(sampleDir, entry, outfile));
    const output = Object.values(built.metafile?.outputs ?? {})[0];
    const appBytes = Object.entries(output?.inputs ?? {})
      .filter(([file]) => !file.includes('node_modules/') && !file.endsWith('whole-app-source.js'))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    return { bytes: fs.statSync(outfile).size, appBytes };
  } catch (error) {
    return {
      bytes: NaN,
      appBytes: NaN,
      error: String((error as Error).message ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' '),
    };
  }
}

function coldRequire(file: string, runs: number, cwd: string): { ms: number; error?: string } {
  const samples = Array.from({ length: runs }, () => runWorker('require', [file], { cwd }));
  const failed = samples.find((s) => !s.ok);
  if (failed) return { ms: NaN, error: (failed.error ?? 'failed').split('\n')[0] };
  return { ms: median(samples.map((s) => s.loadMs)) };
}

/** The generated handlers of a `cleave split` output folder. */
function handlersIn(outDir: string): Array<{ id: string; file: string }> {
  const functionsDir = path.join(outDir, 'functions');
  if (!fs.existsSync(functionsDir)) return [];
  return fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const file = ['handler.ts', 'handler.js', 'handler.mjs', 'handler.cjs'].map((n) => path.join(functionsDir, d.name, n)).find((f) => fs.existsSync(f));
      return file ? { id: d.name, file } : undefined;
    })
    .filter((h): h is { id: string; file: string } => h !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}

function generatedText(dir: string): string {
  const texts: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/\.[cm]?[jt]s$/.test(e.name)) texts.push(fs.readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return texts.join('\n');
}

/** Measures (c) for one sample; `splitAvailable` says whether `cleave split` exists yet. */
export async function measureBundles(sample: BundleSample, splitAvailable: boolean, runs: number): Promise<SampleBundles> {
  const sampleDir = path.join(REPO, sample.dir);
  const entry = path.join(REPO, sample.entry);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-bench-bundles-${path.basename(sample.dir)}-`));
  const result: Partial<SampleBundles> = { sample: sample.dir, entry: sample.entry };

  let handlers: Array<{ id: string; file: string }> = [];
  if (!splitAvailable) {
    result.skipped = '`cleave split` does not exist yet: generated functions not measured';
  } else {
    const out = path.join(work, 'split');
    const split = spawnSync(process.execPath, [path.join(REPO, 'bin', 'cleave.js'), 'split', sampleDir, '-o', out, '--quiet'], { cwd: REPO, encoding: 'utf8' });
    handlers = handlersIn(out);
    if (handlers.length === 0) {
      const why = (split.stderr || split.stdout || '').trim().split('\n').slice(-2).join(' ');
      result.skipped = `\`cleave split\` exited with ${split.status} and wrote no functions/<id>/handler.*${why ? `: ${why}` : ''}`;
    }
  }

  // The adapter the generated functions use, read from every file under functions/ (the handlers
  // may reach it through a shared runtime module); serverless-http when there is nothing to read.
  const handlerText = handlers.length > 0 ? generatedText(path.join(work, 'split', 'functions')) : '';
  const adapter = ADAPTERS.find((a) => handlerText.includes(`'${a}'`) || handlerText.includes(`"${a}"`)) ?? 'serverless-http';

  const entryOnly = await bundle(sampleDir, entry, path.join(work, 'entry.js'));
  result.entryBytes = entryOnly.bytes;

  const wrapper = path.join(work, 'whole-app-source.js');
  const wrap = adapter === 'serverless-http' ? 'require("serverless-http")(app)' : 'require("@codegenie/serverless-express")({ app })';
  fs.writeFileSync(
    wrapper,
    `'use strict';
// The lift-and-shift way: the whole app behind one adapter, as one function.
const mod = require(${JSON.stringify(entry)});
const app = typeof mod.createApp === 'function' ? mod.createApp() : typeof mod.default === 'function' ? mod.default : mod.app ?? mod;
exports.handler = ${wrap};
`,
  );
  const wholeFile = path.join(work, 'whole-app.js');
  const whole = await bundle(sampleDir, wrapper, wholeFile);
  const wholeCold = whole.error ? { ms: NaN, error: whole.error } : coldRequire(wholeFile, runs, work);
  result.wholeApp = {
    id: 'whole-app',
    adapter,
    bytes: whole.bytes,
    appBytes: whole.appBytes,
    coldRequireMs: round(wholeCold.ms, 1),
    ...(wholeCold.error ? { error: wholeCold.error } : {}),
  };

  if (handlers.length > 0) {
    const functions: BundleFigure[] = [];
    for (const handler of handlers) {
      const outfile = path.join(work, 'functions', `${handler.id}.js`);
      const built = await bundle(sampleDir, handler.file, outfile);
      const cold = built.error ? { ms: NaN, error: built.error } : coldRequire(outfile, runs, work);
      functions.push({
        id: handler.id,
        bytes: built.bytes,
        appBytes: built.appBytes,
        coldRequireMs: round(cold.ms, 1),
        ...(cold.error ? { error: cold.error } : {}),
      });
    }
    result.functions = functions;
    result.medianBytesRatio = round(median(functions.map((f) => f.bytes / whole.bytes)), 3);
    result.medianColdRatio = round(median(functions.map((f) => f.coldRequireMs / result.wholeApp!.coldRequireMs)), 3);
    result.medianAppBytesRatio = round(median(functions.map((f) => f.appBytes / whole.appBytes)), 3);
  }
  fs.rmSync(work, { recursive: true, force: true });
  return result as SampleBundles;
}
