import { z } from 'zod';

/** One finding a command reports: an analysis diagnostic, a hazard, a planner warning or a generator diagnostic. */
export const ResultFinding = z.object({
  /** Stable UPPER_SNAKE code. */
  code: z.string().describe('Stable UPPER_SNAKE code.'),
  /** Severity; any `error` makes the command exit 1. An error-level hazard whose routes the plan keeps in the monolith is resolved by the plan and reported as a `warning`. */
  severity: z
    .enum(['error', 'warning', 'info'])
    .describe(
      'Severity; any `error` makes the command exit 1. An error-level hazard whose routes the plan keeps in the monolith is resolved by the plan and reported as a `warning`.',
    ),
  /** File it concerns (relative to the app folder, or to the output folder for generated files); empty for app-wide findings. */
  file: z.string().describe('File it concerns (relative to the app folder, or to the output folder for generated files); empty for app-wide findings.'),
  /** 1-based line, when it concerns one. */
  line: z.number().int().optional().describe('1-based line, when it concerns one.'),
  /** The function, schedule or route it concerns. */
  subject: z.string().optional().describe('The function, schedule or route it concerns.'),
  /** What happened. */
  message: z.string().describe('What happened.'),
  /** What to do about it. */
  advice: z.string().optional().describe('What to do about it.'),
});
/** One finding a command reports. */
export type ResultFinding = z.infer<typeof ResultFinding>;

/** The files a command wrote in its output folder (relative paths, sorted). */
export const ResultFiles = z.object({
  /** Written (created or changed); with `--check` or `--dry-run`, what would be. */
  written: z.array(z.string()).describe('Written (created or changed); with `--check` or `--dry-run`, what would be.'),
  /** Already holding exactly what cleave would write. */
  unchanged: z.array(z.string()).describe('Already holding exactly what cleave would write.'),
  /** Files of functions no longer in the plan, removed (or that would be). */
  removed: z.array(z.string()).describe('Files of functions no longer in the plan, removed (or that would be).'),
  /** Edited since cleave wrote them, so left as they are. */
  keptEdited: z.array(z.string()).describe('Edited since cleave wrote them, so left as they are.'),
});
/** The files a command wrote. */
export type ResultFiles = z.infer<typeof ResultFiles>;

/**
 * What `plan`, `generate`, `split` and `verify` print with `--format json`: one object on stdout,
 * for CI jobs. `cleave analyze --format json` prints the Analysis itself.
 */
export const CommandResult = z.object({
  /** Version of this schema. */
  schemaVersion: z.literal(1).describe('Version of this schema.'),
  /** The command. */
  command: z.enum(['plan', 'generate', 'split', 'verify']).describe('The command.'),
  /** The exit code the command ends with (0 ok, 1 error-level findings, differences or drift). */
  exitCode: z.number().int().describe('The exit code the command ends with (0 ok, 1 error-level findings, differences or drift).'),
  /** Findings, errors first, then by code and file. */
  findings: z.array(ResultFinding).describe('Findings, errors first, then by code and file.'),
  /** Files written in the output folder. */
  files: ResultFiles.describe('Files written in the output folder.'),
  /** Counts of the command: routes, functions, kept, schedules (plan, split); bundles (generate, split); requests, matched, mismatched (verify); changed (with --check). */
  summary: z
    .record(z.string(), z.number())
    .describe(
      'Counts of the command: routes, functions, kept, schedules (plan, split); bundles (generate, split); requests, matched, mismatched (verify); changed (with --check).',
    ),
});
/** What a command prints with `--format json`. */
export type CommandResult = z.infer<typeof CommandResult>;
