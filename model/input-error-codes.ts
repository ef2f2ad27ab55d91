/**
 * Every code an input error may carry (`InputError.code`): what the user gave cleave cannot be
 * used, the command prints one line and exits 2. The one list the CLI, the stages and
 * docs/errors.md follow (test/findings/codes.test.ts holds them to each other).
 */
export const INPUT_ERROR_CODES = {
  APP_DIR_NOT_FOUND: 'the app folder given does not exist',
  APP_DIR_NOT_A_DIRECTORY: 'the app folder given is a file',
  NOT_AN_EXPRESS_APP: 'the folder holds no Express app (no express dependency, no file that imports it)',
  NO_ENTRY: 'no file creates an Express app or calls listen, or the plan names no entry for verify to start',
  ENTRY_NOT_FOUND: 'an entry named by --entry or the config does not exist',
  ENTRY_OUTSIDE_APP: 'an entry named by --entry or the config lies outside the app folder, or leads out of it through a link',
  ENTRY_NOT_ONE: 'verify was given several entries; it starts one monolith',
  ENTRY_WITH_ANALYSIS: '--entry and --analysis were given together',
  CONFIG_NOT_FOUND: 'the --config file does not exist',
  INVALID_CONFIG: 'cleave.config.yaml or a saved plan does not parse or validate',
  ANALYSIS_NOT_FOUND: 'the analysis a plan or --analysis names does not exist',
  ANALYSIS_OUTSIDE_PLAN_FOLDER: "a plan's analysis.file lies outside the plan's folder",
  PLAN_NOT_FOUND: 'generate found no plan to read',
  PLAN_WITHOUT_ANALYSIS: 'a plan names no analysis and embeds none',
  NO_PLAN: "verify's --functions folder holds no cleave.plan.yaml",
  FUNCTION_NOT_FOUND: 'invoke names a function with no bundle in the output folder',
  FORMAT_NEEDS_OUTPUT: 'plan --format json was given without -o for the plan file',
  UNKNOWN_FORMAT: '--format is neither text nor json',
  UNKNOWN_TARGET: '--target names no deployment target cleave writes',
  BAD_PAYLOAD: '--payload is neither v1 nor v2',
  BAD_HEADER: 'an invoke --header is not name:value',
  OUTPUT_IS_APP_ROOT: 'the output folder is the app folder itself',
  OUTPUT_HOLDS_SOURCES: "the output folder holds the app's own sources",
  OUTPUT_IS_A_FOLDER: 'analyze -o names a folder, not the JSON file to write',
  OUTPUT_NOT_AN_ANALYSIS: 'analyze -o names a file that is not an analysis cleave wrote',
  OUTPUT_NOT_OURS: 'a file of the output folder exists and was not written by cleave (--force overwrites it)',
  OUTPUT_PATH_REFUSED: 'a path to write leads out of the output folder (a link, a parent folder)',
  VERIFY_HOOK_FAILED: 'a verify.setup, verify.reset or verify.teardown command of the config failed',
  VERIFY_RESET_NEEDS_SIDES: 'verify.reset was set with verify.mode interleaved',
} as const;

/** A stable code of an input error. */
export type InputErrorCode = keyof typeof INPUT_ERROR_CODES;
