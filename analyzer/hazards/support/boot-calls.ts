import { Node, type SourceFile } from 'ts-morph';
import type { HazardContext } from '../types';
import { resolveFunction } from './exports';
import { appFiles } from './files';
import { hostOf, isBootOnly } from './phase';
import { callsIn, type FunctionLike } from './syntax';

/** Functions called while the app starts, each with the module-scope call that leads to it. */
export type BootFunctions = Map<FunctionLike, Node>;

const cache = new WeakMap<HazardContext, BootFunctions>();
const MAX_DEPTH = 8;

/**
 * Follows calls from every file's module scope into the app's own functions, across files
 * (`startCartExpiryJob()` in server.ts reaches its body in jobs/expire-carts.ts), to a depth
 * of eight calls. Callbacks handed to other code (handlers, event listeners) are not entered.
 */
export function bootFunctions(ctx: HazardContext): BootFunctions {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const callsByHost = new Map<Node, Node[]>();
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const host = hostOf(call);
      const list = callsByHost.get(host);
      if (list) list.push(call);
      else callsByHost.set(host, [call]);
    }
  }
  const reached: BootFunctions = new Map();
  let frontier: Array<{ host: Node; origin?: Node }> = appFiles(ctx).map((sf) => ({ host: sf }));
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { host, origin } of frontier) {
      for (const call of callsByHost.get(host) ?? []) {
        if (!Node.isCallExpression(call)) continue;
        const fn = resolveFunction(ctx, call.getExpression());
        if (!fn || reached.has(fn)) continue;
        reached.set(fn, origin ?? call);
        next.push({ host: fn, origin: origin ?? call });
      }
    }
    frontier = next;
  }
  cache.set(ctx, reached);
  return reached;
}

/**
 * Whether `node` runs while the app starts: at module scope, in a function only called from
 * module scope, or in a function that module-scope code calls (in any file). Returns the
 * module-scope call that leads there (the node's own file when it is at module scope), or
 * undefined when it runs later.
 */
export function bootOrigin(ctx: HazardContext, node: Node): Node | SourceFile | undefined {
  const host = hostOf(node);
  if (Node.isSourceFile(host)) return host;
  const via = bootFunctions(ctx).get(host);
  if (via) return via;
  return isBootOnly(host) ? host.getSourceFile() : undefined;
}
