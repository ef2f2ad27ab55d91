import type { SplitPlan } from '../model/plan';
import { generateHandlers } from './handlers';
import { TARGETS, type TargetName } from './targets';
import type { GenerateContext, GeneratorOutput } from './types';

/**
 * Everything `cleave generate` writes for a plan: the handlers (shared by every target) and the
 * config of each chosen target, files sorted by path, diagnostics in a stable order. Pure.
 */
export function generateAll(plan: SplitPlan, context: GenerateContext, targets: readonly TargetName[]): GeneratorOutput {
  const outputs = [generateHandlers(plan, context), ...targets.map((name) => TARGETS[name].generate(plan, context))];
  const files = outputs.flatMap((o) => o.files).sort((a, b) => a.path.localeCompare(b.path));
  const seen = new Set<string>();
  const diagnostics = outputs.flatMap((o) => o.diagnostics).filter((d) => {
    // serverless.yml and template.yaml translate the same routes: say it once.
    const key = `${d.code}|${d.subject ?? ''}|${d.route ?? ''}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const servedElsewhere = Object.assign({}, ...outputs.map((o) => o.servedElsewhere ?? {})) as Record<string, string[]>;
  return { files, diagnostics, ...(Object.keys(servedElsewhere).length > 0 ? { servedElsewhere } : {}) };
}
