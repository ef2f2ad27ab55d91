import { z } from 'zod';

/** One finding a command reports: an analysis diagnostic, a hazard, a planner warning or a generator diagnostic. */
export const ResultFinding = z.object({
  /** Stable UPPER_SNAKE code. */
  code: z.string(),
  /** Severity; any `error` makes the command exit 1. */
  severity: z.enum(['error', 'warning', 'info']),
  /** File it concerns (relative to the app folder, or to the output folder for generated files); empty for app-wide findings. */
  file: z.string(),
  /** 1-based line, when it concerns one. */
  line: z.number().int().optional(),
  /** The function, schedule or route it concerns. */
  subject: z.string().optional(),
  /** What happened. */
  message: z.string(),
  /** What to do about it. */
  advice: z.string().optional(),
});
/** One finding a command reports. */
export type ResultFinding = z.infer<typeof ResultFinding>;

/** The files a command wrote in its output folder (relative paths, sorted). */
export const ResultFiles = z.object({
  /** Written (created or changed); with `--check` or `--dry-run`, what would be. */
  written: z.array(z.string()),
  /** Already holding exactly what cleave would write. */
  unchanged: z.array(z.string()),
  /** Files of functions no longer in the plan, removed (or that would be). */
  removed: z.array(z.string()),
  /** Edited since cleave wrote them, so left as they are. */
  keptEdited: z.array(z.string()),
});
/** The files a command wrote. */
export type ResultFiles = z.infer<typeof ResultFiles>;

/**
 * What `plan`, `generate`, `split` and `verify` print with `--format json`: one object on stdout,
 * for CI jobs. `cleave analyze --format json` prints the Analysis itself.
 */
export const CommandResult = z.object({
  /** Version of this schema. */
  schemaVersion: z.literal(1),
  /** The command. */
  command: z.enum(['plan', 'generate', 'split', 'verify']),
  /** The exit code the command ends with (0 ok, 1 error-level findings, differences or drift). */
  exitCode: z.number().int(),
  /** Findings, errors first, then by code and file. */
  findings: z.array(ResultFinding),
  /** Files written in the output folder. */
  files: ResultFiles,
  /** Counts of the command: routes, functions, kept, schedules (plan, split); bundles (generate, split); requests, matched, mismatched (verify); changed (with --check). */
  summary: z.record(z.string(), z.number()),
});
/** What a command prints with `--format json`. */
export type CommandResult = z.infer<typeof CommandResult>;
