import type { VerificationResult, VerificationSummary } from '../model/verification';

/** The counts of the requests answered alike, split by what the answer shows. */
export type AlikeCounts = Pick<VerificationSummary['summary'], 'matchedOnSuccess' | 'matchedOnError' | 'matchedErrorStatuses'>;

/**
 * Splits the requests both sides answered alike into those that succeeded (status below 400) and
 * those that failed with the same error status, counted by status: an auth wall (401 on both
 * sides) is alike without proving anything about the function behind it.
 */
export function alikeCounts(results: readonly VerificationResult[]): AlikeCounts {
  const byStatus = new Map<number, number>();
  let matchedOnSuccess = 0;
  for (const r of results) {
    if (r.differences.length > 0) continue;
    if (r.monolithStatus < 400) matchedOnSuccess++;
    else byStatus.set(r.monolithStatus, (byStatus.get(r.monolithStatus) ?? 0) + 1);
  }
  const statuses = [...byStatus].sort(([a], [b]) => a - b);
  return {
    matchedOnSuccess,
    matchedOnError: statuses.reduce((n, [, count]) => n + count, 0),
    matchedErrorStatuses: Object.fromEntries(statuses.map(([status, count]) => [String(status), count])),
  };
}
