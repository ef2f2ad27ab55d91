import * as path from 'node:path';
import type { Analysis, Hazard } from '../../model/analysis';
import type { CommandResult, ResultFiles, ResultFinding } from '../../model/command-result';
import type { SplitPlan } from '../../model/plan';
import type { GeneratorDiagnostic } from '../../generators/types';
import { hazardBlocksPlan, keptRoutes } from '../plan-outcome';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The result object as printed: findings sorted (errors first), stable key order. */
export function commandResultText(result: Omit<CommandResult, 'schemaVersion'>): string {
  const findings = [...result.findings].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  return (
    JSON.stringify({ schemaVersion: 1, command: result.command, exitCode: result.exitCode, findings, files: result.files, summary: result.summary }, null, 2) +
    '\n'
  );
}

/** The analysis' diagnostics and error-level hazards, and the plan's warnings, as findings. */
export function planFindings(analysis: Analysis, plan: SplitPlan): ResultFinding[] {
  const kept = keptRoutes(plan);
  return [
    ...analysis.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file,
      ...(d.line > 0 ? { line: d.line } : {}),
      message: d.message,
      ...(d.advice ? { advice: d.advice } : {}),
    })),
    ...analysis.hazards.filter((h) => h.severity === 'error').map((h) => hazardFinding(h, kept)),
    ...plan.warnings.map((w) => ({ code: w.code, severity: 'warning' as const, file: '', message: w.message })),
  ];
}

/**
 * An error-level hazard as a finding of the plan: an error while a function serves one of its
 * routes (exit 1, as planHasErrors says), a warning once the plan keeps them all in the
 * monolith, which is what resolves it; so that an `error` in a result always means exit 1.
 */
function hazardFinding(h: Hazard, kept: ReadonlySet<string>): ResultFinding {
  if (hazardBlocksPlan(h, kept)) return { code: h.code, severity: 'error', file: h.file, line: h.line, message: h.message, advice: h.advice };
  return {
    code: h.code,
    severity: 'warning',
    file: h.file,
    line: h.line,
    message: h.message,
    advice: `no function serves a route it affects (the plan keeps them in the monolith); ${h.advice}`,
  };
}

/** Generator diagnostics as findings. */
export function generatorFindings(diagnostics: readonly GeneratorDiagnostic[]): ResultFinding[] {
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    file: d.file,
    ...(d.subject ? { subject: d.subject } : d.route ? { subject: d.route } : {}),
    message: d.message,
    ...(d.advice ? { advice: d.advice } : {}),
  }));
}

/** Files of a generate run (relative to the output folder). */
export function resultFiles(run: {
  written: readonly string[];
  unchanged: readonly string[];
  removed?: readonly string[];
  keptEdited?: readonly string[];
}): ResultFiles {
  const sorted = (list: readonly string[] | undefined): string[] => [...(list ?? [])].map((f) => f.split(path.sep).join('/')).sort();
  return { written: sorted(run.written), unchanged: sorted(run.unchanged), removed: sorted(run.removed), keptEdited: sorted(run.keptEdited) };
}

/** Counts of a plan. */
export function planSummary(plan: SplitPlan): Record<string, number> {
  return {
    routes: Object.keys(plan.routes).length,
    functions: plan.functions.length,
    kept: plan.keep.length,
    schedules: plan.schedules.length,
    warnings: plan.warnings.length,
  };
}
