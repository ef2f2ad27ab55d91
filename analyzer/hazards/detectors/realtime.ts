import { type CallExpression, Node, type NewExpression, SyntaxKind } from 'ts-morph';
import { bootOrigin } from '../support/boot-calls';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { anchorOf, calleeName, callsIn, enclosingFunction, newsIn, nodesOfKind, propertyName, receiverOf, shortText, stringValue } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

/**
 * WEBSOCKET_SERVER (error): socket.io, ws `WebSocketServer` / `Server`, express-ws, sockjs,
 * primus. A function cannot hold a connection open or accept upgrades between invocations.
 */
export const detectWebSocketServers: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    const created: Array<CallExpression | NewExpression> = [...callsIn(sf), ...newsIn(sf)];
    for (const node of created) {
      const library = webSocketLibrary(node);
      if (!library) continue;
      sites.push({
        code: 'WEBSOCKET_SERVER',
        severity: 'error',
        node,
        message: `${library} server \`${shortText(node, 50)}\`: a function cannot accept WebSocket upgrades or keep connections open between invocations`,
        advice:
          'keep the WebSocket server in the monolith or a container (the strangler fallback keeps its path there), or move to API Gateway WebSocket APIs ($connect/$disconnect/$default routes, connection ids in DynamoDB, pushes through the management API)',
        anchor: anchorOf(node),
        ...startedAtOf(ctx, node),
      });
    }
  }
  return sites.sort((a, b) => a.node.getStart() - b.node.getStart());
};

/** The boot call that creates the server, when it is made inside a function (`attachNotificationSocket(server)` in server.ts). */
function startedAtOf(ctx: Parameters<Detector>[0], node: Node): { startedAt?: Node } {
  const origin = bootOrigin(ctx, node);
  return origin && !Node.isSourceFile(origin) ? { startedAt: origin } : {};
}

function webSocketLibrary(node: CallExpression | NewExpression): string | undefined {
  const callee = node.getExpression();
  if (isFrom(callee, 'socket.io') || isFrom(callee, 'socket.io', 'Server', 'listen')) return 'socket.io';
  if (Node.isNewExpression(node) && isFrom(callee, 'ws', 'Server', 'WebSocketServer', 'WebSocket.Server')) return 'ws';
  if (Node.isCallExpression(node) && isFrom(callee, 'express-ws')) return 'express-ws';
  if (isFrom(callee, 'sockjs', 'createServer')) return 'sockjs';
  if (Node.isNewExpression(node) && isFrom(callee, 'primus')) return 'primus';
  return undefined;
}

/**
 * SERVER_SENT_EVENTS (error): a handler that answers `Content-Type: text/event-stream`, or
 * calls `res.flushHeaders()` and keeps writing. API Gateway buffers the whole response and
 * ends it at its integration timeout, so events never arrive as a stream. One per function.
 */
export const detectServerSentEvents: Detector = (ctx) => {
  const byFunction = new Map<Node, Node>();
  for (const sf of appFiles(ctx)) {
    for (const literal of nodesOfKind(sf, SyntaxKind.StringLiteral)) {
      if (!/^text\/event-stream/i.test(literal.getLiteralValue())) continue;
      const site = eventStreamSite(literal);
      const fn = site && enclosingFunction(site);
      if (site && fn && !byFunction.has(fn)) byFunction.set(fn, site);
    }
    for (const call of callsIn(sf)) {
      if (calleeName(call) !== 'flushHeaders') continue;
      const fn = enclosingFunction(call);
      const res = receiverOf(call)?.getText();
      if (!fn || byFunction.has(fn) || !res) continue;
      const writes = callsIn(sf).filter((c) => calleeName(c) === 'write' && receiverOf(c)?.getText() === res && fn.containsRange(c.getPos(), c.getEnd()));
      if (writes.length > 0) byFunction.set(fn, call);
    }
  }
  return [...byFunction.values()].map((node): HazardSite => ({
    code: 'SERVER_SENT_EVENTS',
    severity: 'error',
    node,
    message:
      'handler streams server-sent events and keeps the response open; API Gateway buffers the whole response and ends it at the integration timeout (29-30 s), so clients never receive a stream',
    advice:
      'keep this route in the monolith or a container, or use Lambda response streaming (function URL), API Gateway WebSockets, or polling; publish the events through a shared bus (SNS, EventBridge, Redis pub/sub) instead of in-process listeners',
    anchor: anchorOf(node),
    chain: [node],
  }));
};

/** The header property or call that sets `text/event-stream` as the response type. */
function eventStreamSite(literal: Node): Node | undefined {
  const parent = literal.getParent();
  if (parent && Node.isPropertyAssignment(parent) && parent.getInitializer() === literal) {
    return /^content-type$/i.test(propertyName(parent.getNameNode()) ?? '') ? parent : undefined;
  }
  if (parent && Node.isCallExpression(parent)) {
    const name = calleeName(parent);
    const args = parent.getArguments();
    if ((name === 'type' || name === 'contentType') && args[0] === literal) return parent;
    if ((name === 'setHeader' || name === 'set' || name === 'header') && /^content-type$/i.test(stringValue(args[0]) ?? '')) return parent;
  }
  return undefined;
}
