import type { Hazard } from '../../model/analysis';
import type { BundleReport } from '../../model/bundle-report';
import type { PlanFunction, SplitPlan } from '../../model/plan';
import type { VerificationSummary } from '../../model/verification';

/** What both report formats show, derived from the plan alone. */
export interface ReportData {
  /** The plan. */
  plan: SplitPlan;
  /** Routes in functions plus kept routes. */
  routeCount: number;
  /** Function id (or `keep`) by route id. */
  placement: Map<string, string>;
  /** Files used by two or more functions (but not by all, when there are three or more functions), most shared first. */
  sharedModules: Array<{ file: string; functions: string[] }>;
  /** Files every function uses (when there are three or more functions). */
  everywhere: string[];
  /** Entities with the functions touching them, most spread first. */
  entities: Array<{ entity: string; functions: string[] }>;
  /** Hazards by severity, most severe first. */
  hazardsBySeverity: Array<{ severity: Hazard['severity']; hazards: Hazard[] }>;
  /** What `cleave verify` found, when it has run. */
  verification?: VerificationSummary;
  /** The bundles `cleave generate` built (bundles.json), when it has bundled. */
  bundles?: BundleReport;
}

/** Largest number of shared modules and entities drawn in the diagrams. */
export const DIAGRAM_LIMIT = 10;

/** Derives the report data from a plan (and the verification summary, when verify has run; the bundles, when generate has bundled). */
export function reportData(plan: SplitPlan, verification?: VerificationSummary, bundles?: BundleReport): ReportData {
  const placement = new Map<string, string>();
  for (const fn of plan.functions) for (const r of fn.routes) placement.set(r, fn.id);
  for (const k of plan.keep) placement.set(k.route, 'keep');
  const users = inverse(plan.functions, (f) => f.files ?? []);
  const n = plan.functions.length;
  const sharedAll = [...users].filter(([, fns]) => fns.length >= 2);
  const everywhere =
    n >= 3
      ? sharedAll
          .filter(([, fns]) => fns.length === n)
          .map(([f]) => f)
          .sort()
      : [];
  const sharedModules = sharedAll
    .filter(([, fns]) => n < 3 || fns.length < n)
    .map(([file, functions]) => ({ file, functions }))
    .sort((a, b) => b.functions.length - a.functions.length || a.file.localeCompare(b.file));
  const entities = [...inverse(plan.functions, (f) => f.entities ?? [])]
    .map(([entity, functions]) => ({ entity, functions }))
    .sort((a, b) => b.functions.length - a.functions.length || a.entity.localeCompare(b.entity));
  const order: Hazard['severity'][] = ['error', 'warning', 'info'];
  const hazardsBySeverity = order
    .map((severity) => ({
      severity,
      hazards: plan.hazards
        .filter((h) => h.severity === severity)
        .sort((a, b) => a.code.localeCompare(b.code) || a.file.localeCompare(b.file) || a.line - b.line),
    }))
    .filter((g) => g.hazards.length > 0);
  return {
    plan,
    routeCount: placement.size,
    placement,
    sharedModules,
    everywhere,
    entities,
    hazardsBySeverity,
    ...(verification ? { verification } : {}),
    ...(bundles ? { bundles } : {}),
  };
}

function inverse(functions: readonly PlanFunction[], pick: (f: PlanFunction) => readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const fn of functions) for (const item of pick(fn)) map.set(item, [...(map.get(item) ?? []), fn.id]);
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/** Bytes as `12.3 KiB`, marked `~` when estimated. */
export function formatBytes(bytes: number | undefined, estimated = false): string {
  if (bytes === undefined) return '–';
  const text = bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return estimated ? `~${text}` : text;
}

/** A metric value for display: `–` when missing. */
export function formatMetric(value: number | null): string {
  return value === null ? '–' : String(value);
}

/** Display names of the metrics, in report order. */
export const METRIC_LABELS: ReadonlyArray<[keyof SplitPlan['metrics'], string]> = [
  ['structuralModularity', 'Structural modularity (MQ)'],
  ['icp', 'Inter-function dependency share (ICP)'],
  ['ifn', 'Interface number (IFN)'],
  ['entitySpread', 'Entity spread (bits)'],
  ['sharedCodeRatio', 'Shared-code ratio'],
  ['appBundleBytes', 'Whole-app bundle (bytes)'],
  ['largestBundleRatio', 'Largest function / app bundle'],
  ['meanBundleRatio', 'Mean function / app bundle'],
];
