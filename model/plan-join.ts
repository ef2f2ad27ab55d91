import { createHash } from 'node:crypto';
import type { Analysis } from './analysis';
import { ANALYSIS_FILE } from './output-files';
import type { AnalysisRef, PlanDecisions, PlanFile, SplitPlan } from './plan';

/** The analysis as cleave writes it to `analysis.json` (and prints it with `--format json`). */
export function analysisText(analysis: Analysis): string {
  return JSON.stringify(analysis, null, 2) + '\n';
}

/** sha256 (hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The reference a plan keeps to the analysis it was made from, written as `file` beside the plan. */
export function analysisRef(analysis: Analysis, file: string = ANALYSIS_FILE): AnalysisRef {
  return { file, sha256: sha256Hex(analysisText(analysis)) };
}

/** The decisions of a plan, without the analysis parts it was joined with: what `cleave.plan.yaml` holds. */
export function planDecisions(plan: SplitPlan | PlanFile): PlanDecisions {
  const { hazards: _hazards, mounts: _mounts, authStrategies: _strategies, static: _static, routes: _routes, modules: _modules, ...decisions } = plan;
  return decisions;
}

/** The plan the generators read: the decisions joined with the analysis' routes (by id), mounts, static folders and hazards. */
export function joinPlan(decisions: PlanDecisions, analysis: Analysis): SplitPlan {
  const routes = [...analysis.routes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...planDecisions(decisions),
    hazards: analysis.hazards,
    mounts: analysis.mounts,
    ...(analysis.authStrategies ? { authStrategies: analysis.authStrategies } : {}),
    static: analysis.static,
    routes: Object.fromEntries(routes.map((r) => [r.id, r])),
    ...(analysis.modules ? { modules: analysis.modules } : {}),
  };
}

/**
 * What breaks the plan's one rule against its analysis, one line each: every route of the
 * analysis exactly once (in one function or in `keep`), nothing else, function ids unique.
 */
export function planProblems(plan: SplitPlan): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const place = (route: string, where: string): void => {
    if (seen.has(route)) problems.push(`${route} is in ${seen.get(route)} and in ${where}`);
    else seen.set(route, where);
    if (!plan.routes[route]) problems.push(`${route} (in ${where}) is not a route of the analysis`);
  };
  for (const fn of plan.functions) for (const r of fn.routes) place(r, `function ${fn.id}`);
  for (const k of plan.keep) place(k.route, 'keep');
  for (const id of Object.keys(plan.routes)) if (!seen.has(id)) problems.push(`${id} is in no function and not in keep`);
  const ids = plan.functions.map((f) => f.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`function id ${id} is used twice`);
  return problems;
}
