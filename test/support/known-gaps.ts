/**
 * Differences verify finds today that are bugs of the generated code (generators/, reported to
 * its owner), not of verify or of the samples' verify configs. The end-to-end tests assert that
 * the differences they see are exactly these, so a fix shows up as a failing test: delete the
 * entry then, and the test asserts that everything answers alike.
 */

/** One known difference: which `request: difference` lines it explains, and why it happens. */
export interface KnownGap {
  /** Matches the lines of {@link differences} it explains. */
  match: RegExp;
  /** The bug, in one sentence. */
  why: string;
}

/** Gaps of the in-process run (`cleave verify`, handlers from functions/<id>/handler.ts), by sample. */
export const VERIFY_GAPS: Record<string, KnownGap[]> = {
  'shop-api': [],
  'library-js': [],
};

/** Gaps of the deployed bundles (dist/) served by serverless-offline, by sample. */
export const OFFLINE_GAPS: Record<string, KnownGap[]> = {
  'shop-api': [],
  'library-js': [],
};

/**
 * Checks `lines` against `gaps`: returns the lines no gap explains, and the gaps that explain
 * no line (fixed: remove them). Both empty means the run differs exactly by the known gaps.
 */
export function unexplained(lines: string[], gaps: KnownGap[]): { lines: string[]; fixedGaps: string[] } {
  return {
    lines: lines.filter((line) => !gaps.some((g) => g.match.test(line))),
    fixedGaps: gaps.filter((g) => !lines.some((line) => g.match.test(line))).map((g) => `${g.match.source} (${g.why})`),
  };
}
