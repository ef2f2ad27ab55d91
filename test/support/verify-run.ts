import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import type { SplitPlan } from '../../model/plan';
import { VerificationSummary } from '../../model/verification';
import { type CliRun, runCli } from './run-cli';
import { type SharedSample, copyOfSharedSplit } from './shared-split';

/** The repository root. */
export const REPO = path.resolve(__dirname, '..', '..');

/** A split of an app into a temporary dot-folder inside it (generated handlers resolve the app's packages from there). */
export interface SplitOutput {
  /** The app folder. */
  appDir: string;
  /** The output folder, `<app>/.cleave-verify-<random>`. */
  outDir: string;
  /** The plan split wrote. */
  plan: SplitPlan;
  /** Removes the output folder. */
  remove(): void;
}

/** Runs `cleave split <appDir> -o <appDir>/.cleave-verify-<random>` in process; throws when split fails. */
export async function splitIntoTemp(appDir: string): Promise<SplitOutput> {
  // Outside the app (what Lambda runs must not depend on sitting inside it) and with no dot-folder
  // on the path (`send`, behind express.static, answers 404 for files under one).
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-verify-'));
  const remove = (): void => fs.rmSync(outDir, { recursive: true, force: true });
  const run = await runCli('--quiet', 'split', appDir, '-o', outDir);
  if (run.code !== 0) {
    remove();
    throw new Error(`split ${appDir} exited ${run.code}: ${run.stderr}`);
  }
  const { plan } = readPlanSync(path.join(outDir, 'cleave.plan.yaml'));
  return { appDir, outDir, plan, remove };
}

/** A private copy (outside the app, no dot-folder on the path) of the run's shared split of a sample (test/support/shared-split.ts). */
export async function sampleSplitCopy(sample: SharedSample): Promise<SplitOutput> {
  const copy = await copyOfSharedSplit(sample, 'verify');
  const { plan } = readPlanSync(path.join(copy.outDir, 'cleave.plan.yaml'));
  return { appDir: copy.appDir, outDir: copy.outDir, plan, remove: copy.remove };
}

/** One in-process run of `cleave verify`, and the verification.json it wrote. */
export interface VerifyRun extends CliRun {
  /** verification.json, parsed with the model's schema. */
  report: VerificationSummary;
}

/** Runs `cleave --quiet verify <app> --functions <out> [...args]` in process. */
export async function verifyRun(split: SplitOutput, ...args: string[]): Promise<VerifyRun> {
  const file = path.join(split.outDir, 'verification.json');
  fs.rmSync(file, { force: true });
  const run = await runCli('--quiet', 'verify', split.appDir, '--functions', split.outDir, ...args);
  if (!fs.existsSync(file)) throw new Error(`verify exited ${run.code} without verification.json: ${run.stderr}`);
  return { ...run, report: VerificationSummary.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) };
}

/** Route ids of the plan's functions. */
export function functionRoutes(plan: SplitPlan): string[] {
  return plan.functions.flatMap((f) => f.routes).sort();
}

/** `request: difference` lines of every request answered differently (empty when all alike). */
export function differences(report: VerificationSummary): string[] {
  return report.results.filter((r) => r.differences.length > 0).flatMap((r) => r.differences.map((d) => `${r.request}: ${d}`));
}
