import type { PlanWarning } from '../model/plan';

/** Warnings of one code past this many are summed up in one more, so 20,000 alike do not bury the rest. */
export const MAX_ALIKE_WARNINGS = 5;

/** The first `MAX_ALIKE_WARNINGS` warnings of each code, in order, then one line per code saying how many more there were. */
export function collapseFloods(warnings: readonly PlanWarning[]): PlanWarning[] {
  const seen = new Map<string, number>();
  const out: PlanWarning[] = [];
  for (const w of warnings) {
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n <= MAX_ALIKE_WARNINGS) out.push(w);
  }
  for (const [code, n] of seen)
    if (n > MAX_ALIKE_WARNINGS) out.push({ code, message: `and ${n - MAX_ALIKE_WARNINGS} more ${code} warnings like the ${MAX_ALIKE_WARNINGS} above` });
  return out;
}
