/**
 * Rewrites test/golden/<sample>/: plans each sample afresh, then writes what the generators make
 * of the plan, and deletes golden files they no longer make. Review the result with `git diff`.
 * Run: `npm run golden:update`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeApp } from '../analyzer/analyze';
import { planSplit } from '../planner/plan-split';
import { stringifyPlan } from '../model/plan-file';
import { writeFileAtomic } from '../cli/write-file';
import { Config } from '../model/config';
import { ANALYSIS_FILE } from '../model/output-files';
import { analysisText } from '../model/plan-join';
import { GOLDEN_PLAN, GOLDEN_SAMPLES, generateGolden, goldenDir, sampleDir } from './golden';

async function main(): Promise<void> {
  for (const sample of GOLDEN_SAMPLES) {
    const appDir = sampleDir(sample.name);
    const analysis = await analyzeApp({ appDir });
    const plan = planSplit(analysis, Config.parse(sample.config));
    const out = goldenDir(sample.name);
    const output = generateGolden(sample.name, plan);
    const files = new Map([
      [GOLDEN_PLAN, stringifyPlan(plan)],
      [ANALYSIS_FILE, analysisText(analysis)],
      ...output.files.map((f) => [f.path, f.contents] as [string, string]),
    ]);
    for (const old of listFiles(out)) if (!files.has(old)) fs.rmSync(path.join(out, old));
    pruneEmptyFolders(out);
    for (const [file, contents] of files) writeFileAtomic(path.join(out, file), contents);
    process.stdout.write(`${sample.name}: ${files.size} golden files, ${output.diagnostics.length} diagnostics\n`);
  }
}

function pruneEmptyFolders(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) pruneEmptyFolders(path.join(dir, e.name));
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
