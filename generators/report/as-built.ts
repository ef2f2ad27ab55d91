import type { BundleReport } from '../../model/bundle-report';
import type { PlanWarning } from '../../model/plan';
import type { VerificationSummary } from '../../model/verification';
import { formatBytes } from './summary';

/** One function as `cleave generate` built it, as the report shows it. */
export interface AsBuiltRow {
  /** Function id. */
  function: string;
  /** How it gets its routes: `imported`, `sliced` or `whole-app`. */
  extraction: string;
  /** Why it is not `imported`, as the generator said. */
  reason?: string;
  /** Own code carried, as `12.3 KiB (45%)`. */
  own: string;
  /** Its bundle, as `1.20 MiB (80%)`. */
  bundle: string;
  /** Packages shipped installed beside the bundle, with why, as one text; `–` when none. */
  shipped: string;
  /** Cold start measured by `cleave verify`, as `123.4 ms`; `–` when verify has not loaded it. */
  init: string;
}

/** The functions as built: one row each, in the bundles' order, with a summary line; none without a function bundle. */
export function asBuilt(bundles: BundleReport, verification?: VerificationSummary): { rows: AsBuiltRow[]; summary: string } | undefined {
  const functions = bundles.bundles.filter((b) => b.kind === 'function');
  if (functions.length === 0) return undefined;
  const inits = new Map((verification?.inits ?? []).map((i) => [i.function, i.initMs]));
  const pct = (share: number | undefined): string => (share === undefined ? '' : ` (${Math.round(share * 100)}%)`);
  const rows = functions.map((b) => ({
    function: b.id,
    extraction: b.extraction?.kind ?? 'imported',
    ...(b.extraction?.reason ? { reason: b.extraction.reason } : {}),
    own: `${formatBytes(b.ownBytes)}${pct(b.ownShare)}`,
    bundle: `${formatBytes(b.bytes)}${pct(b.bytesShare)}`,
    shipped: (b.externalized ?? []).map((e) => `${e.name} (${e.reason})`).join('; ') || '–',
    init: inits.has(b.id) ? `${inits.get(b.id)} ms` : '–',
  }));
  return { rows, summary: summaryLine(bundles, functions) };
}

function summaryLine(bundles: BundleReport, functions: BundleReport['bundles']): string {
  const whole = bundles.wholeApp;
  if (!whole) return `The whole app could not be bundled from its entry, so the sizes are not compared with it.`;
  const shares = functions.map((b) => b.ownShare ?? 1).sort((a, b) => a - b);
  const median = shares[Math.floor((shares.length - 1) / 2)]!;
  const small = functions.filter((b) => (b.ownShare ?? 1) < 0.6).length;
  const kinds = (['imported', 'sliced', 'whole-app'] as const)
    .map((k) => [k, functions.filter((b) => (b.extraction?.kind ?? 'imported') === k).length] as const)
    .filter(([, n]) => n > 0);
  return `The whole app bundled from ${whole.entry} carries ${formatBytes(whole.ownBytes)} of its own code in a ${formatBytes(whole.bytes)} bundle. Median function: ${Math.round(median * 100)}% of that own code; ${small} of ${functions.length} functions carry under 60%. By extraction: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}.`;
}

/**
 * What the built bundle says of a planner warning about one function: the planner predicts a
 * bundle from what its handler files import, before the generators slice the app's wiring, so a
 * function it warned about may be built far smaller (` (as built, sliced: 49% of the app's own
 * code, 1.80 MiB)`). Empty when the warning names no function or it was not built.
 */
export function builtNote(warning: PlanWarning, bundles: BundleReport | undefined): string {
  const built = warning.function ? bundles?.bundles.find((b) => b.kind === 'function' && b.id === warning.function) : undefined;
  if (!built) return '';
  const share = built.ownShare === undefined ? '' : `${Math.round(built.ownShare * 100)}% of the app's own code, `;
  return ` (as built, ${built.extraction?.kind ?? 'imported'}: ${share}${formatBytes(built.bytes)})`;
}
