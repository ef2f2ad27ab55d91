import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import type { Analysis } from '../../model/analysis';

/** Absolute path of `test/fixtures/<area>/<name>`. */
export function fixtureDir(area: string, name: string): string {
  return path.join(__dirname, '..', 'fixtures', area, name);
}

/** Analyses the fixture app `test/fixtures/<area>/<name>`. */
export function analyzeFixture(area: string, name: string, entry?: string[]): Promise<Analysis> {
  return analyzeApp({ appDir: fixtureDir(area, name), entry });
}

/** The sorted `METHOD path` keys of an analysis' routes. */
export function routeKeys(analysis: Analysis): string[] {
  return analysis.routes.map((r) => `${r.method} ${r.path}`).sort();
}

/** The codes of an analysis' diagnostics, sorted. */
export function diagnosticCodes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.code).sort();
}
