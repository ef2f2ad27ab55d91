import { type ArrowFunction, type CallExpression, type FunctionExpression, Node, SyntaxKind } from 'ts-morph';
import { bootOrigin } from '../support/boot-calls';
import { hostOf } from '../support/phase';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { rearms } from '../support/rearms';
import { findDeclaration } from '../support/scopes';
import { anchorOf, callsIn, numericValue, shortText, unwrap, where } from '../support/syntax';
import type { Detector, HazardContext, HazardSite } from '../types';

/**
 * TIMER_AT_BOOT: `setInterval` / `setTimeout` started while the app boots (at module scope or
 * in a function that startup code calls, in any file). A function runs only while it handles
 * an invocation and is frozen in between, so the timer fires late, irregularly or never, and
 * once per warm instance. The interval is in the message for a schedule generator. A
 * `setTimeout` counts only when it repeats (its callback arms it again, see `rearms`): a one-shot
 * timeout (a connection timeout, `process.exit` after a failed start, a pause the boot awaits) is
 * no recurring job, and a schedule would run it over and over. A `setInterval` that a boot-time
 * timeout starts (`setTimeout(() => setInterval(job, ms), delay)`) is started at boot too.
 */
export const detectBootTimers: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const kind = timerKind(call);
      if (!kind) continue;
      const origin = bootOrigin(ctx, call) ?? (kind === 'setInterval' ? delayedStart(ctx, call) : undefined);
      if (!origin || (kind === 'setTimeout' && (settlesPromise(call) || !rearms(ctx, call)))) continue;
      const via = Node.isSourceFile(origin) ? '' : ` (started from ${where(ctx, origin)})`;
      const again = kind === 'setTimeout' ? ' (its callback arms it again)' : '';
      sites.push({
        code: 'TIMER_AT_BOOT',
        severity: 'warning',
        node: call,
        message: `${kind} every ${describeDelay(call.getArguments()[1])}${again} is started at boot${via}; a function is frozen between invocations, so the timer fires late, irregularly or never, and once per warm instance`,
        advice:
          'run the job as its own scheduled function (an EventBridge schedule; serverless `events: - schedule: rate(...)`, SAM `Schedule`) that calls the same code, and remove the timer from the request path',
        anchor: anchorOf(call),
        ...(Node.isSourceFile(origin) ? {} : { startedAt: origin }),
      });
    }
  }
  return sites;
};

/** The `setTimeout` at boot whose callback starts `call` (a delayed `setInterval`), or undefined. */
function delayedStart(ctx: HazardContext, call: CallExpression): Node | undefined {
  const host = hostOf(call);
  const timeout = host.getParent();
  if (!Node.isCallExpression(timeout) || timeout.getArguments()[0] !== host || timerKind(timeout) !== 'setTimeout') return undefined;
  return bootOrigin(ctx, timeout) && timeout;
}

/** Whether the timer's callback is, or calls, `resolve` or `reject` of the `new Promise` executor around it. */
function settlesPromise(call: CallExpression): boolean {
  const executor = call.getFirstAncestor((a) => Node.isArrowFunction(a) || Node.isFunctionExpression(a));
  const created = executor?.getParent();
  if (!executor || !Node.isNewExpression(created) || created.getExpression().getText() !== 'Promise' || created.getArguments()[0] !== executor) return false;
  const settlers = new Set((executor as ArrowFunction | FunctionExpression).getParameters().map((p) => p.getName()));
  const callback = call.getArguments()[0] && unwrap(call.getArguments()[0]!);
  if (!callback) return false;
  if (Node.isIdentifier(callback)) return settlers.has(callback.getText());
  if (!Node.isArrowFunction(callback) && !Node.isFunctionExpression(callback)) return false;
  return callback.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => settlers.has(unwrap(c.getExpression()).getText()));
}

function timerKind(call: CallExpression): 'setInterval' | 'setTimeout' | undefined {
  const callee = unwrap(call.getExpression());
  const text = callee.getText().replace(/^(global|globalThis|window)\./, '');
  if (text !== 'setInterval' && text !== 'setTimeout') {
    return isFrom(callee, ['timers', 'timers/promises'], 'setInterval') ? 'setInterval' : isFrom(callee, 'timers', 'setTimeout') ? 'setTimeout' : undefined;
  }
  if (Node.isIdentifier(callee)) {
    const decl = findDeclaration(callee);
    if (decl && !isFrom(callee, ['timers', 'timers/promises'], text)) return undefined;
  }
  return text;
}

/** `60000 ms (1 min)`, or the source text with a parameter's default: `everyMs (default config.carts.sweepEveryMs)`. */
export function describeDelay(arg: Node | undefined): string {
  if (!arg) return '0 ms';
  const ms = numericValue(arg);
  if (ms !== undefined) return `${ms} ms${human(ms)}`;
  const n = unwrap(arg);
  if (Node.isIdentifier(n)) {
    const decl = findDeclaration(n);
    if (decl && (Node.isParameterDeclaration(decl) || Node.isVariableDeclaration(decl))) {
      const init = decl.getInitializer();
      const value = numericValue(init);
      if (value !== undefined) return `${n.getText()} = ${value} ms${human(value)}`;
      if (init) return `${n.getText()} (${Node.isParameterDeclaration(decl) ? 'default ' : ''}${shortText(init, 50)})`;
    }
  }
  return shortText(arg, 50);
}

function human(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return ` (${ms / 3_600_000} h)`;
  if (ms >= 60_000 && ms % 60_000 === 0) return ` (${ms / 60_000} min)`;
  if (ms >= 1000 && ms % 1000 === 0) return ` (${ms / 1000} s)`;
  return '';
}
