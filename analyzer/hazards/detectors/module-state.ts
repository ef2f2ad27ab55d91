import { Node } from 'ts-morph';
import { appFiles } from '../support/files';
import { identifiersNamed, phaseOf } from '../support/phase';
import { runsAtRequestTime } from '../support/request-time';
import { findDeclaration, isModuleLevel } from '../support/scopes';
import { type StateKind, writtenState } from '../support/state';
import { anchorOf, declaredName, enclosingFunction, shortText, where } from '../support/syntax';
import { type WriteSite, isLazyInit, writeSites } from '../support/writes';
import type { Detector, HazardContext, HazardSite } from '../types';

const ADVICE: Record<StateKind, string> = {
  Map: 'move it to a shared store (DynamoDB, or Redis/ElastiCache with a TTL), or keep every route that touches it in one function and accept one copy per instance',
  Set: 'move it to a shared store (DynamoDB, or a Redis set), or keep every route that touches it in one function and accept one copy per instance',
  array: 'persist it in a shared store (DynamoDB, a queue, or a database table) instead of process memory',
  object: 'move it to a shared store (DynamoDB, or Redis/ElastiCache), or keep every route that touches it in one function and accept one copy per instance',
  cache:
    'a per-instance cache is only acceptable if stale entries across instances are; otherwise use a shared cache (ElastiCache/Redis, DynamoDB with TTL) and invalidate it there',
  counter:
    'keep the count in a shared store (a DynamoDB atomic counter, Redis INCR) or emit it as a metric (CloudWatch embedded metric format) instead of counting in process',
  variable: 'do not keep request data in module variables; pass it along the call, or store it in a shared store (DynamoDB, Redis) when other requests need it',
};

/**
 * MODULE_STATE_SHARED: a module-level Map, Set, array, object, cache, counter or `let`
 * written by code that runs at request time (handlers, middleware, the services they call,
 * event callbacks). Each function instance gets its own copy: writes are invisible to other
 * functions and instances and lost on cold starts. Populated at boot and only read later is fine.
 * Also `app.locals` written at request time.
 */
export const detectModuleState: Detector = (ctx) => {
  const states = new Map<Node, { kind: StateKind; writes: WriteSite[] }>();
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const w of writeSites(sf)) {
      if (!runsAtRequestTime(ctx, w.node)) continue;
      if (/\bapp\.locals\b/.test(w.target.getText())) {
        sites.push(appLocals(w));
        continue;
      }
      if (isLazyInit(w)) continue;
      const state = writtenState(ctx, w);
      if (!state) continue;
      const entry = states.get(state.decl) ?? { kind: state.kind, writes: [] };
      entry.writes.push(w);
      states.set(state.decl, entry);
    }
  }
  for (const [decl, { kind, writes }] of states) if (!isLatch(decl, kind, writes)) sites.push(stateSite(ctx, decl, kind, writes));
  return sites;
};

function stateSite(ctx: HazardContext, decl: Node, kind: StateKind, writes: WriteSite[]): HazardSite {
  const name = declaredName(decl) ?? shortText(decl, 30);
  const what = kind === 'counter' ? 'counter' : kind === 'variable' ? 'variable' : kind === 'cache' ? 'in-memory cache' : kind;
  const writers = describeWriters(ctx, decl, writes);
  return {
    code: 'MODULE_STATE_SHARED',
    severity: 'warning',
    node: decl,
    message: `${isModuleLevel(decl) ? 'module-level ' : ''}${what} \`${name}\`${isModuleLevel(decl) ? '' : ` (made by ${declaredName(enclosingFunction(decl)!) ?? 'a factory'}(), called at boot)`} is written after startup (${writers}); every function instance keeps its own copy, so writes are invisible to other functions and instances and lost on a cold start`,
    advice: ADVICE[kind],
    anchor: decl,
    chain: [...writes.map((w) => w.node), ...runtimeReads(decl)],
  };
}

/** A one-way initialisation flag (`let ready = false`, only ever set to `true`): per instance by design. */
function isLatch(decl: Node, kind: StateKind, writes: WriteSite[]): boolean {
  if (kind !== 'variable' || !Node.isVariableDeclaration(decl)) return false;
  const init = decl.getInitializer()?.getText() ?? 'undefined';
  return (
    ['false', 'null', 'undefined'].includes(init) &&
    writes.every((w) => Node.isBinaryExpression(w.node) && w.node.getOperatorToken().getText() === '=' && w.node.getRight().getText() === 'true')
  );
}

function appLocals(w: WriteSite): HazardSite {
  return {
    code: 'MODULE_STATE_SHARED',
    severity: 'warning',
    node: w.node,
    message: `\`${shortText(w.node, 50)}\` writes app.locals after startup; app.locals lives in one process, so every function instance has its own`,
    advice: 'keep app.locals for settings fixed at startup; move values that change per request to a shared store (DynamoDB, Redis)',
    anchor: anchorOf(w.node),
    chain: [w.node],
  };
}

/** `getProduct (line 70), updateProduct (line 96)`, at most three, other files named. */
function describeWriters(ctx: HazardContext, decl: Node, writes: WriteSite[]): string {
  const seen = new Map<string, string>();
  for (const w of writes) {
    const fn = enclosingFunction(w.node);
    const name = (fn && functionName(fn)) ?? '<anonymous>';
    const at = w.node.getSourceFile() === decl.getSourceFile() ? `line ${w.node.getStartLineNumber()}` : where(ctx, w.node);
    if (!seen.has(name)) seen.set(name, `${name} at ${at}`);
  }
  const list = [...seen.values()];
  return list.slice(0, 3).join(', ') + (list.length > 3 ? `, +${list.length - 3} more` : '');
}

function functionName(fn: Node): string | undefined {
  const own = declaredName(fn);
  if (own) return own;
  const call = fn.getParent();
  if (call && Node.isCallExpression(call)) return `callback of ${shortText(call.getExpression(), 30)}`;
  return undefined;
}

function runtimeReads(decl: Node): Node[] {
  if (!Node.isVariableDeclaration(decl)) return [];
  return identifiersNamed(decl.getSourceFile(), decl.getName()).filter(
    (id) => id !== decl.getNameNode() && findDeclaration(id) === decl && phaseOf(id) === 'runtime',
  );
}
