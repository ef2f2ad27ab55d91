/** The plan file: written by `plan -o` and `split`, read by `generate`, `verify` and re-planning. */
export const PLAN_FILE = 'cleave.plan.yaml';

/** The analysis file: written by `split` and beside every plan `plan -o` writes; the plan names it with its hash. */
export const ANALYSIS_FILE = 'analysis.json';
