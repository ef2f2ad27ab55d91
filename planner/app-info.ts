import type { Analysis } from '../model/analysis';
import type { PlanApp } from '../model/plan';
import { toId } from './naming';

/**
 * What the generators need to know about the app: its name (package.json, else the folder),
 * entries, language (from the entries' extensions) and Express major (package.json; 4 when unknown).
 */
export function appInfo(analysis: Analysis): PlanApp {
  const rawName = (analysis.package?.name ?? '').replace(/^@[^/]+\//, '');
  const major = analysis.package?.express ? /(\d+)/.exec(analysis.package.express)?.[1] : undefined;
  return {
    name: toId(rawName || 'app'),
    entry: [...analysis.entry],
    language: analysis.entry.some((e) => /\.[cm]?tsx?$/.test(e)) ? 'typescript' : 'javascript',
    expressMajor: major === '5' ? 5 : 4,
  };
}
