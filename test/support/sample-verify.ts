import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../../model/config';
import { parseConfigText } from '../../model/config-file';
import { VERIFY_GAPS, unexplained } from './known-gaps';
import { type SplitOutput, type VerifyRun, differences, functionRoutes, verifyRun } from './verify-run';

/** The verify section of a sample's cleave.config.yaml. */
export function sampleVerifyConfig(appDir: string): Config['verify'] {
  return parseConfigText(fs.readFileSync(path.join(appDir, 'cleave.config.yaml'), 'utf8'), 'cleave.config.yaml').verify;
}

/**
 * Runs `cleave verify` over a split of a sample with `payload` and checks that it exercises every
 * route of the plan's functions (but those the config skips with a reason), all answering like the
 * monolith but the known gaps, with each loaded function's cold start measured. Returns the run.
 */
export async function expectSampleVerifiesAlike(sample: 'shop-api' | 'library-js', split: SplitOutput, payload: 'v1' | 'v2'): Promise<VerifyRun> {
  const config = sampleVerifyConfig(split.appDir);
  const run = await verifyRun(split, '--payload', payload);
  const gaps = VERIFY_GAPS[sample]!;
  expect(unexplained(differences(run.report), gaps)).toEqual({ lines: [], fixedGaps: [] });
  expect(run.code).toBe(gaps.length > 0 ? 1 : 0);
  const skippedWithReason = config.skip.filter((s) => typeof s !== 'string').map((s) => s.route);
  expect(run.report.skipped.map((s) => s.route).filter((r) => !skippedWithReason.includes(r))).toEqual([]);
  const exercised = new Set(run.report.results.map((r) => r.route));
  expect(functionRoutes(split.plan).filter((r) => !exercised.has(r) && !skippedWithReason.includes(r))).toEqual([]);
  expect(run.report.unknownRoutes).toBeUndefined();
  expect(run.report.summary.routes).toBe(functionRoutes(split.plan).length);
  expect(run.stdout).toContain(`${run.report.summary.requests} requests over ${exercised.size} of ${exercised.size} function routes (payload ${payload})`);
  // Each function verify loaded has its cold start (its bundle's require) measured, in plan order.
  const loaded = split.plan.functions.map((f) => f.id).filter((id) => run.report.results.some((r) => r.function === id));
  expect(run.report.inits?.map((i) => i.function)).toEqual(loaded);
  expect(run.report.inits!.every((i) => i.initMs > 0)).toBe(true);
  expect(run.stdout).toMatch(/cold start \(require of each bundle, which builds the app\): median [\d.]+ ms over \d+ functions, slowest \S+ [\d.]+ ms/);
  return run;
}
