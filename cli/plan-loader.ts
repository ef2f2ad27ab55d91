import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeApp } from '../analyzer/analyze';
import { InputError } from '../model/errors';
import { formatIssues } from '../model/config-file';
import { ConfigError } from '../model/errors';
import { parsePlanFile } from '../model/plan-file';
import type { ProgressListener } from '../model/progress';
import { Analysis } from '../model/analysis';
import { type PlanFile, SplitPlan } from '../model/plan';
import { analysisText, joinPlan, planProblems, sha256Hex } from '../model/plan-join';
import { isWithin } from './output-folder';

/** Options of `readPlan`. */
export interface ReadPlanOptions {
  /** The app folder: analysed again (from the plan's `app.entry`) when the plan's analysis file is missing. */
  appDir?: string;
  /** Receives progress events of that analysis. */
  onProgress?: ProgressListener;
}

/** A plan joined with its analysis, and what the user should know about how. */
export interface ReadPlan {
  /** The plan the generators read. */
  plan: SplitPlan;
  /** Warnings to print (`PLAN_ANALYSIS_CHANGED`: the analysis is not the one the plan was made from). */
  notices: Array<{ code: string; message: string }>;
}

/**
 * Reads `cleave.plan.yaml` and joins it with the analysis it names (`analysis.file`, beside the
 * plan): the one way every command loads a plan for generating or verifying. Without that file,
 * the app is analysed again (from the plan's `app.entry`). A plan that embeds its analysis
 * (cleave 0.1) is read as it is. Refuses (exit 2, one line per problem) a plan that breaks its
 * rule against the analysis: every route exactly once, nothing the analysis lacks, ids unique.
 */
export async function readPlan(file: string, options: ReadPlanOptions = {}): Promise<ReadPlan> {
  const source = planSource(file);
  if (source.parsed.routes || !source.analysisFile || fs.existsSync(source.analysisFile) || !options.appDir) return joined(source);
  const analysis = await analyzeApp({
    appDir: options.appDir,
    entry: source.parsed.app.entry,
    entrySource: { key: 'app.entry', file: source.shown },
    onProgress: options.onProgress,
  });
  return joined(source, analysisText(analysis));
}

/** `readPlan` for a plan whose analysis file lies beside it (never analyses the app). */
export function readPlanSync(file: string): ReadPlan {
  return joined(planSource(file));
}

/** A parsed plan file and where its analysis lies. */
interface PlanSource {
  parsed: PlanFile;
  /** The plan file as shown to the user. */
  shown: string;
  /** Absolute path of the analysis file it names (undefined when it names none). */
  analysisFile?: string;
}

function planSource(file: string): PlanSource {
  const shown = path.relative(process.cwd(), file) || file;
  const parsed = parsePlanFile(fs.readFileSync(file, 'utf8'), shown);
  if (!parsed.analysis) return { parsed, shown };
  const planDir = path.dirname(path.resolve(file));
  const analysisFile = path.resolve(planDir, parsed.analysis.file);
  if (!isWithin(planDir, analysisFile)) {
    throw new InputError(
      'ANALYSIS_OUTSIDE_PLAN_FOLDER',
      `${shown}: analysis.file ${parsed.analysis.file} lies outside the plan's folder`,
      'keep analysis.json beside the plan (analysis.file: analysis.json)',
    );
  }
  return { parsed, shown, analysisFile };
}

/** Joins the plan with its analysis (`text`, else the analysis file) and checks the plan against it. */
function joined(source: PlanSource, text?: string): ReadPlan {
  const { parsed, shown, analysisFile } = source;
  const notices: ReadPlan['notices'] = [];
  let plan: SplitPlan;
  if (parsed.routes) {
    plan = embedded(parsed, shown);
  } else {
    if (!parsed.analysis || !analysisFile)
      throw new InputError(
        'PLAN_WITHOUT_ANALYSIS',
        `${shown} names no analysis (no analysis: key) and embeds none`,
        'write the plan again with `cleave plan <app-dir> -o <file>`',
      );
    if (text === undefined && !fs.existsSync(analysisFile)) {
      throw new InputError(
        'ANALYSIS_NOT_FOUND',
        `${shown} names ${parsed.analysis.file}, which does not exist`,
        'run `cleave plan <app-dir> -o <plan>` again: it writes the analysis beside the plan',
      );
    }
    const analysisBytes = text ?? fs.readFileSync(analysisFile, 'utf8');
    if (sha256Hex(analysisBytes) !== parsed.analysis.sha256) {
      notices.push({
        code: 'PLAN_ANALYSIS_CHANGED',
        message: `the analysis is not the one ${shown} was made from (the app changed since): reading the current one; re-run \`cleave plan\` to refresh reasons and metrics`,
      });
    }
    plan = joinPlan(parsed, parseAnalysisText(analysisBytes, path.relative(process.cwd(), analysisFile) || analysisFile));
  }
  const problems = planProblems(plan);
  if (problems.length > 0) {
    const advice =
      notices.length > 0
        ? 're-run `cleave plan` (it keeps your edits) to plan the current analysis'
        : 'fix the plan by hand, or re-run `cleave plan` (it keeps your edits)';
    throw new ConfigError(shown, problems, advice);
  }
  return { plan, notices };
}

function embedded(parsed: PlanFile, shown: string): SplitPlan {
  const result = SplitPlan.safeParse(parsed);
  if (result.success) return result.data;
  throw new ConfigError(shown, ['embeds routes of the analysis but not all of hazards, mounts and static'], 'delete the plan to plan from scratch');
}

/** Parses and validates the text of an `analysis.json`; throws `ConfigError` (exit 2) naming what is wrong. */
export function parseAnalysisText(text: string, shown: string): Analysis {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(shown, [`not JSON: ${error instanceof Error ? error.message : String(error)}`], 'run `cleave plan` again to write it afresh');
  }
  const result = Analysis.safeParse(data);
  // The data as written, not zod's copy (which orders keys by the schema): written again, it
  // gives the same bytes, so its hash is the one the plan was made with.
  if (result.success) return data as Analysis;
  throw new ConfigError(shown, formatIssues(result.error.issues).slice(0, 10), 'run `cleave plan` again to write it afresh');
}
