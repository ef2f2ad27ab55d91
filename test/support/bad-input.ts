import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analysis } from '../../model/analysis';
import { hashTree } from './hash-tree';
import { type CliRun, STACK_LINE, runCli } from './run-cli';

/** Absolute path of `test/fixtures/_bad_/<name>`. */
export function badFixture(name: string): string {
  return path.join(__dirname, '..', 'fixtures', '_bad_', name);
}

/** A fresh temporary folder; remove it with `removeTemp`. */
export function makeTemp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cleave-${prefix}-`));
}

/** A temporary copy of `test/fixtures/_bad_/<name>` (for cases that add weird files at test time). */
export function tempCopy(name: string): string {
  const dir = makeTemp(name);
  fs.cpSync(badFixture(name), dir, { recursive: true });
  return dir;
}

/** Removes a temporary folder (links inside are removed, never followed). */
export function removeTemp(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** A CLI run on an input folder, with the folder's fingerprint before and after. */
export interface CheckedRun extends CliRun {
  /** `hashTree` of the input folder before the run. */
  before: Record<string, string>;
  /** `hashTree` of the input folder after the run. */
  after: Record<string, string>;
}

/** Runs `cleave <args...>` in process, fingerprinting `inputDir` (every file hashed) before and after. */
export async function runChecked(inputDir: string, ...args: string[]): Promise<CheckedRun> {
  const before = hashTree(inputDir);
  const run = await runCli(...args);
  return { ...run, before, after: hashTree(inputDir) };
}

/**
 * The contract every bad-input run keeps: the exit code of DESIGN.md, no stack trace, the input
 * untouched; exit 2 prints exactly one `cleave: error: <what> (<advice>)` line on stderr.
 */
export function expectContract(run: CheckedRun, code: 0 | 1 | 2): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: run.stderr });
  expect(run.stderr).not.toContain(STACK_LINE);
  expect(run.stdout).not.toContain(STACK_LINE);
  expect(run.after).toEqual(run.before);
  if (code === 2) {
    expect(run.stderr).toMatch(/^cleave: error: [^\n]+ \([^\n]+\)\n$/);
    expect(run.stdout).toBe('');
  } else {
    expect(run.stderr).not.toContain('cleave: error:');
  }
}

/** The Analysis JSON a `--format json` run printed. */
export function analysisOf(run: CliRun): Analysis {
  return JSON.parse(run.stdout) as Analysis;
}

/** Sorted route ids of an analysis. */
export function routeIds(analysis: Analysis): string[] {
  return analysis.routes.map((r) => r.id).sort();
}
