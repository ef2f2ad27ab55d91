/**
 * The names of the files cleave writes at the top of an output folder (or beside a plan), in one
 * place: every command, generator and test takes them from here.
 */

/** The plan file: written by `plan -o` and `split`, read by `generate`, `verify` and re-planning. */
export const PLAN_FILE = 'cleave.plan.yaml';

/** The analysis file: written by `split` and beside every plan `plan -o` writes; the plan names it with its hash. */
export const ANALYSIS_FILE = 'analysis.json';

/** What each function's bundle holds, as built: written by `generate` and `split` after bundling, read by `verify`. */
export const BUNDLES_FILE = 'bundles.json';

/** What `verify` found: written by `verify`, read back into the report. */
export const VERIFICATION_FILE = 'verification.json';

/** The split report, as Markdown and as one self-contained page. */
export const REPORT_FILES = { markdown: 'SPLIT-REPORT.md', html: 'report.html' } as const;

/** What cleave wrote into the folder, with hashes: a file it did not write, or one edited since, is never overwritten without `--force`. */
export const MANIFEST_FILE = '.cleave-manifest.json';
