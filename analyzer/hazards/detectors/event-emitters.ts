import { Node } from 'ts-morph';
import { resolveValue } from '../support/exports';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { holderOf } from '../support/instances';
import { isModuleLevel } from '../support/scopes';
import { callsIn, declaredName, newsIn, unwrap } from '../support/syntax';
import type { Detector, HazardContext, HazardSite } from '../types';

/**
 * EVENT_EMITTER_STATE: a process-wide event bus (`new EventEmitter()`, a class extending it,
 * eventemitter3, emittery, mitt) held at module scope or exported. Events published while one
 * function handles a request never reach listeners registered in another function or instance
 * (websocket and SSE clients, other routes).
 */
export const detectEventEmitters: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    const created = [...newsIn(sf).filter((n) => isEmitterClass(ctx, n.getExpression(), 0)), ...callsIn(sf).filter((c) => isFrom(c.getExpression(), 'mitt'))];
    for (const node of created) {
      const holder = holderOf(node);
      const exported = isExportedValue(node);
      if (!(holder && isModuleLevel(holder)) && !exported) continue;
      const name = holder ? declaredName(holder) : undefined;
      sites.push({
        code: 'EVENT_EMITTER_STATE',
        severity: 'warning',
        node,
        message: `${name ? `\`${name}\`` : 'the exported value'} is a process-wide event bus; events emitted while one function handles a request never reach listeners in other functions or instances (websocket and SSE clients, other routes)`,
        advice:
          'publish through a shared bus (SNS, EventBridge, SQS, Redis pub/sub) and consume it in the functions or services that react; keep in-process emitters for work within one invocation',
        anchor: holder && isModuleLevel(holder) ? holder : sf,
      });
    }
  }
  return sites;
};

/** Whether a constructor is EventEmitter (or a compatible emitter), or an app class extending one. */
function isEmitterClass(ctx: HazardContext, callee: Node, depth: number): boolean {
  if (
    isFrom(callee, 'events') ||
    isFrom(callee, ['events', 'eventemitter3', 'node:events'], 'EventEmitter') ||
    isFrom(callee, ['eventemitter3', 'emittery', 'eventemitter2'])
  )
    return true;
  if (isFrom(callee, 'eventemitter2', 'EventEmitter2')) return true;
  if (depth > 3) return false;
  const cls = resolveValue(ctx, callee);
  if (!cls || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) return false;
  const base = cls.getExtends()?.getExpression();
  return !!base && isEmitterClass(ctx, base, depth + 1);
}

/** `module.exports = new X()`, `export default new X()`. */
function isExportedValue(node: Node): boolean {
  const parent = node.getParent();
  if (!parent) return false;
  if (Node.isExportAssignment(parent)) return true;
  return Node.isBinaryExpression(parent) && unwrap(parent.getRight()) === node && /^(module\.)?exports(\.\w+)?$/.test(parent.getLeft().getText());
}
