import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sampleDir } from '../../scripts/golden';
import { type CliRun, runCli } from './run-cli';
import { SHARED_SPLITS_ENV } from './shared-splits-env';

/** The samples whose split is shared. */
export type SharedSample = 'shop-api' | 'library-js';

/** How long a test file waits for the split another jest worker is making. */
const WAIT_MS = 300_000;

/** `cleave split samples/<sample>`, made once per jest run. */
export interface SharedSplit {
  /** The app folder. */
  appDir: string;
  /** The output folder: read it, never write to it (use `copyOfSharedSplit` for a folder of your own). */
  outDir: string;
  /** The run of `cleave --quiet split <app> -o <out> --format json` that made it. */
  run: CliRun;
}

let ownRoot: string | undefined;

/** The folder of the shared splits: the run's (global-setup), or one of this process when jest runs without it. */
function sharedRoot(): string {
  const named = process.env[SHARED_SPLITS_ENV];
  if (named) return named;
  if (!ownRoot) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-shared-'));
    process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
    ownRoot = root;
  }
  return ownRoot;
}

/**
 * The split of a sample that every test file starting from a fresh split of it shares: the first
 * caller of the jest run (in any worker) makes it with the CLI in process, the others wait for
 * its `<sample>.run.json` and read the same folder. Throws when that split did not exit 0.
 */
export async function sharedSplit(sample: SharedSample): Promise<SharedSplit> {
  const root = sharedRoot();
  const appDir = sampleDir(sample);
  const outDir = path.join(root, sample);
  const runFile = path.join(root, `${sample}.run.json`);
  let mine = true;
  try {
    fs.mkdirSync(path.join(root, `${sample}.lock`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    mine = false;
  }
  if (mine) {
    let run: CliRun;
    try {
      run = await runCli('--quiet', 'split', appDir, '-o', outDir, '--format', 'json');
    } catch (error) {
      run = { code: -1, stdout: '', stderr: String((error as Error).stack ?? error) };
    }
    fs.writeFileSync(`${runFile}.partial`, JSON.stringify(run));
    fs.renameSync(`${runFile}.partial`, runFile);
  }
  const started = Date.now();
  while (!fs.existsSync(runFile)) {
    if (Date.now() - started > WAIT_MS) throw new Error(`the shared split of ${sample} (${outDir}) did not finish within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const run = JSON.parse(fs.readFileSync(runFile, 'utf8')) as CliRun;
  if (run.code !== 0) throw new Error(`the shared split of ${sample} exited ${run.code}: ${run.stderr}`);
  return { appDir, outDir, run };
}

/** A private copy of a shared split, for a test that writes into its output folder. */
export interface SplitCopy extends SharedSplit {
  /** Removes the copy. */
  remove(): void;
}

/**
 * A copy of the shared split of `sample` at `<tmp>/cleave-<prefix>-<random>/<sample>`: as deep as
 * the shared folder, so the app paths the output holds (relative to it) still lead to the sample.
 */
export async function copyOfSharedSplit(sample: SharedSample, prefix: string): Promise<SplitCopy> {
  const shared = await sharedSplit(sample);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-${prefix}-`));
  const outDir = path.join(parent, sample);
  fs.cpSync(shared.outDir, outDir, { recursive: true, verbatimSymlinks: true });
  return { ...shared, outDir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

/** A fresh, empty output folder as deep as the shared splits (`<tmp>/cleave-<prefix>-<random>/<sample>`), for comparing with one. */
export function freshOutputBeside(sample: SharedSample, prefix: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `cleave-${prefix}-`)), sample);
}
