import { stringify } from 'yaml';
import { SplitPlan } from '../../model/plan';
import { parseYamlOrThrow, validateOrThrow } from './config-file';

const HEADER = '# cleave split plan: edit function ids, move routes between functions or into keep,\n# change memory/timeout; `cleave plan` keeps these edits, `cleave generate` reads this file.\n';

/** The plan as YAML text: validated first, stable key order, no line folding, no timestamps. */
export function stringifyPlan(plan: SplitPlan): string {
  const valid = SplitPlan.parse(plan);
  return HEADER + stringify(valid, { lineWidth: 0, aliasDuplicateObjects: false, sortMapEntries: false });
}

/** Parses and validates a saved plan; throws `ConfigError` with one key-path line per problem. */
export function parsePlanText(text: string, file = 'cleave.plan.yaml'): SplitPlan {
  const advice = 'fix the plan by hand, or delete it to plan from scratch';
  return validateOrThrow(SplitPlan, parseYamlOrThrow(text, file, advice), file, advice);
}
