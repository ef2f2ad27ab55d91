import { type CallExpression, Node } from 'ts-morph';
import { initializerOf, resolveValue } from '../support/exports';
import { appFiles } from '../support/files';
import { importsAny, isFrom, moduleRef } from '../support/imports';
import { callsIn, propertyValue, shortText, unwrap, where } from '../support/syntax';
import type { Detector, HazardContext, HazardSite } from '../types';

const SESSION_ADVICE =
  'use a shared session store (connect-dynamodb with DynamoDB, connect-redis with ElastiCache) or stateless sessions (cookie-session, signed JWTs), so every function sees the same sessions';

/**
 * MEMORY_SESSION_STORE: `express-session` without a `store` option (the default MemoryStore)
 * or with `new MemoryStore()`: sessions live in one process, so a login handled by one
 * function is unknown to the others and every cold start logs everyone out. Flash messages
 * (connect-flash, express-flash) and csurf tokens kept in such a session are reported too.
 * Anchored at the middleware call: the routes are those whose chain holds it.
 */
export const detectSessionStores: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  const memory: CallExpression[] = [];
  const files = appFiles(ctx);
  for (const sf of files) {
    if (!importsAny(sf, ['express-session'])) continue;
    for (const call of callsIn(sf)) {
      if (!isFrom(call.getExpression(), 'express-session')) continue;
      const why = memoryStore(ctx, call);
      if (!why) continue;
      memory.push(call);
      sites.push({
        code: 'MEMORY_SESSION_STORE',
        severity: 'warning',
        node: call,
        message: `express-session ${why}, so sessions live in one process: a login handled by one function is unknown to the others, and a cold start drops every session`,
        advice: SESSION_ADVICE,
        anchor: call,
        chain: [call],
      });
    }
  }
  if (memory.length === 0) return sites;
  const sessionAt = where(ctx, memory[0]!);
  for (const sf of files) {
    if (!importsAny(sf, ['connect-flash', 'express-flash', 'csurf'])) continue;
    for (const call of callsIn(sf)) {
      const callee = call.getExpression();
      const flash = isFrom(callee, ['connect-flash', 'express-flash']);
      const csrf = isFrom(callee, 'csurf') && !propertyValue(unwrap(call.getArguments()[0] ?? call), 'cookie');
      if (!flash && !csrf) continue;
      sites.push({
        code: 'MEMORY_SESSION_STORE',
        severity: 'warning',
        node: call,
        message: `${flash ? 'flash messages' : 'csurf tokens'} are kept in the session, which lives in the in-process MemoryStore (${sessionAt}): a message or token set by one function is missing in another`,
        advice: `${SESSION_ADVICE}${csrf ? "; or keep csurf's secret in a cookie (`csrf({ cookie: true })`)" : ''}`,
        anchor: call,
        chain: [call],
      });
    }
  }
  return sites;
};

/** Why a `session(...)` call keeps sessions in memory, or undefined when it has a real store. */
function memoryStore(ctx: HazardContext, call: CallExpression): string | undefined {
  const arg = call.getArguments()[0];
  if (!arg) return 'has no options (the default MemoryStore)';
  const options = optionsObject(ctx, arg);
  if (!options) return undefined;
  const store = propertyValue(options, 'store');
  if (!store) return 'has no `store` option (the default MemoryStore)';
  const value = unwrap(store);
  const created = Node.isNewExpression(value) ? value : Node.isIdentifier(value) ? initializerOf(resolveValue(ctx, value) ?? value) : undefined;
  if (!created || !Node.isNewExpression(created)) return undefined;
  const kept = perInstanceStore(ctx, created.getExpression());
  if (kept) return `uses \`${shortText(created, 60)}\` of ${kept}`;
  if (/(^|\.)MemoryStore$/.test(created.getExpression().getText())) return 'uses `new MemoryStore()`';
  return undefined;
}

/** Store packages that keep sessions in one instance: in its memory, or in files on its own disk. */
const PER_INSTANCE_STORES: Readonly<Record<string, string>> = {
  memorystore: 'memorystore, which keeps them in process memory',
  'session-file-store': 'session-file-store, which keeps them in files on the local disk',
};

/** The per-instance store package a store class comes from (`require('session-file-store')(session)`, `createFileStore(session)`), described. */
function perInstanceStore(ctx: HazardContext, ctor: Node): string | undefined {
  const of = (node: Node | undefined): string | undefined => {
    const module = node ? moduleRef(node)?.module : undefined;
    return module !== undefined && Object.hasOwn(PER_INSTANCE_STORES, module) ? PER_INSTANCE_STORES[module] : undefined;
  };
  const value = Node.isIdentifier(ctor) ? resolveValue(ctx, ctor) : undefined;
  const init = value ? initializerOf(value) : ctor;
  const made = init ? unwrap(init) : undefined;
  return of(ctor) ?? (made && Node.isCallExpression(made) ? of(made.getExpression()) : undefined);
}

function optionsObject(ctx: HazardContext, arg: Node): Node | undefined {
  const n = unwrap(arg);
  if (Node.isObjectLiteralExpression(n)) return n;
  const value = resolveValue(ctx, n);
  const init = value ? initializerOf(value) : undefined;
  return init && Node.isObjectLiteralExpression(init) ? init : undefined;
}
