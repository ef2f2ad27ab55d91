import { type CallExpression, Node } from 'ts-morph';
import type { HazardContext } from '../types';
import { isFrom, moduleRef } from './imports';
import { findDeclaration } from './scopes';
import { calleeName, receiverOf, unwrap } from './syntax';

/** Packages whose `createServer` / `Server` make a listening server. */
const SERVER_PACKAGES = ['http', 'https', 'http2', 'net', 'tls', 'spdy'];
/** Names an app or a server goes by: `app`, `server`, `rootApp`, `httpServer`, `this._server`. */
const SERVER_NAME = /^_?(app|application|server|srv)$|(App|Server)$/;

/**
 * Whether `call` (a `.listen(...)`) starts a server: the route evaluator reached it on an app or
 * a server, its receiver is made by `express()` / `createServer(...)` / `new http.Server()`, or,
 * when the receiver's value is unknown, it is named like one. Services that only attach event
 * listeners (`webhooks.listen()`, an imported module's object) are not servers.
 */
export function listensAsServer(ctx: HazardContext, call: CallExpression): boolean {
  if (ctx.listenCalls?.has(call)) return true;
  const receiver = receiverOf(call);
  if (!receiver || isFrom(receiver, 'socket.io')) return false;
  return madeAsServer(ctx, receiver) ?? SERVER_NAME.test(nameOf(receiver) ?? '');
}

/** True for a value made as an app or a server, false for what a package exports, undefined when unknown. */
function madeAsServer(ctx: HazardContext, expr: Node, depth = 0): boolean | undefined {
  const n = unwrap(expr);
  if (depth > 4) return undefined;
  if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
    const callee = unwrap(n.getExpression());
    if (isFrom(callee, 'express') || isFrom(callee, SERVER_PACKAGES, 'createServer', 'Server')) return true;
    const name = calleeName(n);
    if (name === 'createServer' || name === 'listen') return true;
    return Node.isCallExpression(n) && fromPackage(ctx, n) ? false : undefined;
  }
  if (fromPackage(ctx, n)) return false;
  if (!Node.isIdentifier(n)) return undefined;
  const decl = findDeclaration(n);
  const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
  return init ? madeAsServer(ctx, init, depth + 1) : undefined;
}

/** Whether `expr` is a package's export (an app module's export may be the app: unknown). */
function fromPackage(ctx: HazardContext, expr: Node): boolean {
  const ref = moduleRef(expr);
  return ref !== undefined && ctx.resolveImport(ref.module, expr.getSourceFile().getFilePath()) === undefined;
}

/** The last name of a receiver: `app`, `server` of `this.server`. */
function nameOf(expr: Node): string | undefined {
  const n = unwrap(expr);
  if (Node.isIdentifier(n)) return n.getText();
  if (Node.isPropertyAccessExpression(n)) return n.getName();
  return undefined;
}
