import type { SplitPlan } from '../model/plan';
import { deploymentOf } from './deployment';
import { generateHandlers } from './handlers';
import { TARGETS, type TargetName } from './targets';
import type { GenerateContext, GeneratorOutput } from './types';

/**
 * Everything `cleave generate` writes for a plan: the handlers (shared by every target) and the
 * config of each chosen target, files sorted by path, diagnostics in a stable order. Pure.
 */
export function generateAll(plan: SplitPlan, context: GenerateContext, targets: readonly TargetName[]): GeneratorOutput {
  const handlers = generateHandlers(plan, context);
  // Every target deploys the same functions: the plan is translated once, its findings said once.
  const deployment = targets.length > 0 ? deploymentOf(plan, handlers.served, TARGETS[targets[0]!].file) : undefined;
  const files = [...handlers.files, ...(deployment ? targets.flatMap((name) => TARGETS[name].generate(plan, deployment)) : [])].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  const diagnostics = [...handlers.diagnostics, ...(deployment?.diagnostics ?? [])];
  return { files, diagnostics, ...(handlers.servedElsewhere ? { servedElsewhere: handlers.servedElsewhere } : {}) };
}
