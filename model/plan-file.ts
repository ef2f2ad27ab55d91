import { stringify } from 'yaml';
import { PlanDecisions, PlanFile, type SplitPlan } from './plan';
import { planDecisions } from './plan-join';
import { PLAN_FILE } from './output-files';
import { parseYamlOrThrow, validateOrThrow } from './config-file';

const HEADER =
  '# cleave split plan: edit function ids, move routes between functions or into keep,\n' +
  '# change memory/timeout; `cleave plan` keeps these edits, `cleave generate` reads this file\n' +
  '# with the analysis it names (`analysis.file`, beside this file).\n';

/** The plan's decisions as YAML text (the analysis stays in its own file): validated first, stable key order, no line folding, no timestamps. */
export function stringifyPlan(plan: SplitPlan | PlanDecisions): string {
  const valid = PlanDecisions.parse(planDecisions(plan));
  return HEADER + stringify(valid, { lineWidth: 0, aliasDuplicateObjects: false, sortMapEntries: false });
}

/** Parses and validates a saved plan file; throws `ConfigError` with one key-path line per problem. */
export function parsePlanFile(text: string, file: string = PLAN_FILE): PlanFile {
  const advice = 'fix the plan by hand, or delete it to plan from scratch';
  return validateOrThrow(PlanFile, parseYamlOrThrow(text, file, advice), file, advice);
}
