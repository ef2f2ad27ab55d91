import type { Analysis } from '../model/analysis';
import type { PlanApp } from '../model/plan';
import { toId } from './naming';

/**
 * What the generators need to know about the app: its name (package.json, else the folder),
 * entries, language (from the entries' extensions) and Express major (package.json; 4 when unknown).
 */
export function appInfo(analysis: Analysis, packageJsonText: string | undefined, folderName: string): PlanApp {
  let pkg: { name?: unknown; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> } = {};
  try {
    pkg = packageJsonText ? (JSON.parse(packageJsonText) as typeof pkg) : {};
  } catch {
    pkg = {};
  }
  const rawName = typeof pkg.name === 'string' && pkg.name ? pkg.name.replace(/^@[^/]+\//, '') : folderName;
  const range = pkg.dependencies?.express ?? pkg.devDependencies?.express;
  const major = typeof range === 'string' ? /(\d+)/.exec(range)?.[1] : undefined;
  return {
    name: toId(rawName || 'app'),
    entry: [...analysis.entry],
    language: analysis.entry.some((e) => /\.[cm]?tsx?$/.test(e)) ? 'typescript' : 'javascript',
    expressMajor: major === '5' ? 5 : 4,
  };
}
