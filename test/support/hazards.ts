import type { Analysis } from '../../model/analysis';

/** Every hazard of an analysis as `CODE file:line`, sorted: for asserting that nothing unexpected is reported. */
export function hazardSites(analysis: Analysis): string[] {
  return analysis.hazards.map((h) => `${h.code} ${h.file}:${h.line}`).sort();
}

/** The routes of the hazard with this code at `file:line` (throws when there is none). */
export function hazardRoutes(analysis: Analysis, code: string, file: string, line: number): string[] {
  const hazard = analysis.hazards.find((h) => h.code === code && h.file === file && h.line === line);
  if (!hazard) throw new Error(`no ${code} at ${file}:${line}; found ${hazardSites(analysis).join(', ')}`);
  return hazard.routes;
}
