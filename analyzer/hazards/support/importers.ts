import type { SourceFile } from 'ts-morph';
import { importSites } from '../../load/import-graph';
import type { HazardContext } from '../types';
import { appFiles } from './files';

const reverseCache = new WeakMap<HazardContext, Map<string, string[]>>();
const answerCache = new WeakMap<HazardContext, Map<string, SourceFile[]>>();

/**
 * The app files that can name a declaration of `file`: the file itself and every file that
 * imports it, directly or through other files (barrels re-export).
 */
export function filesThatMayReference(ctx: HazardContext, file: SourceFile): SourceFile[] {
  const all = appFiles(ctx);
  let answers = answerCache.get(ctx);
  if (!answers) answerCache.set(ctx, (answers = new Map()));
  const known = answers.get(file.getFilePath());
  if (known) return known;
  const reverse = reverseGraph(ctx, all);
  const seen = new Set<string>([file.getFilePath() as string]);
  const stack: string[] = [file.getFilePath()];
  while (stack.length > 0) {
    for (const importer of reverse.get(stack.pop()!) ?? []) {
      if (!seen.has(importer)) {
        seen.add(importer);
        stack.push(importer);
      }
    }
  }
  const answer = all.filter((sf) => seen.has(sf.getFilePath()));
  answers.set(file.getFilePath(), answer);
  return answer;
}

function reverseGraph(ctx: HazardContext, files: SourceFile[]): Map<string, string[]> {
  let reverse = reverseCache.get(ctx);
  if (reverse) return reverse;
  reverse = new Map();
  for (const sf of files) {
    const from = sf.getFilePath();
    for (const site of importSites(sf)) {
      const target = ctx.resolveImport(site.specifier, from);
      if (!target) continue;
      const list = reverse.get(target);
      if (list) list.push(from);
      else reverse.set(target, [from]);
    }
  }
  reverseCache.set(ctx, reverse);
  return reverse;
}
