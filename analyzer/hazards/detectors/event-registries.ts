import { Node, SyntaxKind } from 'ts-morph';
import { bootFunctions } from '../support/boot-calls';
import { appFiles } from '../support/files';
import { hostOf, identifiersNamed } from '../support/phase';
import { isModuleLevel } from '../support/scopes';
import { containerKind } from '../support/state';
import { declaredName, type FunctionLike, nodesOfKind } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

/** Calls that add a handler to a list or map. */
const ADDS = new Set(['push', 'set', 'add', 'unshift']);

/**
 * EVENT_EMITTER_STATE for a hand-made event registry: a module-level Map, object or array of
 * handlers that one function fills (`on(name, fn)`, called at boot by the modules that
 * subscribe) and another fires (`emit` iterating it and calling each handler, per request).
 * A function runs only the handlers its own bundle subscribed, so a hook registered by a module
 * another function loads never fires, and events never reach other functions or instances.
 */
export const detectEventRegistries: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  const boot = bootFunctions(ctx);
  for (const sf of appFiles(ctx)) {
    for (const decl of nodesOfKind(sf, SyntaxKind.VariableDeclaration)) {
      if (!isModuleLevel(decl) || !['Map', 'object', 'array'].includes(containerKind(decl.getInitializer()) ?? '')) continue;
      const name = declaredName(decl);
      if (!name) continue;
      const uses = identifiersNamed(sf, name).filter((id) => id !== decl.getNameNode());
      const subscribers = new Set(
        uses
          .filter(addsHandler)
          .map(hostOf)
          .filter((h): h is FunctionLike => !Node.isSourceFile(h)),
      );
      const firers = new Set(
        uses
          .filter(firesHandlers)
          .map(hostOf)
          .filter((h): h is FunctionLike => !Node.isSourceFile(h)),
      );
      const subscribe = [...subscribers].find((f) => boot.has(f) && !firers.has(f));
      const fire = [...firers].find((f) => !subscribers.has(f));
      if (!subscribe || !fire) continue;
      const line = (n: Node) => n.getStartLineNumber();
      sites.push({
        code: 'EVENT_EMITTER_STATE',
        severity: 'warning',
        node: decl,
        message: `\`${name}\` is an in-process event registry: handlers are subscribed at boot (${declaredName(subscribe) ?? 'a function'} at line ${line(subscribe)}) and fired per request (${declaredName(fire) ?? 'a function'} at line ${line(fire)}); a function fires only the handlers its own bundle subscribed, and events never reach other functions or instances`,
        advice:
          'publish domain events through a shared bus (EventBridge, SNS, SQS) and subscribe the reacting code there; or keep every route that fires an event in one function with every module that subscribes to it',
        anchor: decl,
      });
    }
  }
  return sites;
};

/** `list.push(fn)`, `map.set(k, ...)`, `(registry[k] ||= []).push(fn)`, `registry[k] = [...]`: a use that adds a handler. */
function addsHandler(id: Node): boolean {
  let at: Node = id;
  for (let up = at.getParent(); up; at = up, up = up.getParent()) {
    if (Node.isPropertyAccessExpression(up) && up.getExpression() === at && ADDS.has(up.getName())) return Node.isCallExpression(up.getParent());
    if (Node.isBinaryExpression(up) && up.getLeft() === at && /^(=|\|\|=|\?\?=)$/.test(up.getOperatorToken().getText())) return true;
    if (!(
      Node.isElementAccessExpression(up) ||
      Node.isPropertyAccessExpression(up) ||
      Node.isParenthesizedExpression(up) ||
      Node.isBinaryExpression(up) ||
      Node.isCallExpression(up)
    ))
      return false;
    if (Node.isCallExpression(up) && up.getExpression() !== at) return false;
  }
  return false;
}

/** `registry[k].forEach((h) => h(p))`, `for (const h of registry.get(k)) h(p)`: a use that calls what it holds. */
function firesHandlers(id: Node): boolean {
  let at: Node = id;
  for (let up = at.getParent(); up; at = up, up = up.getParent()) {
    if (Node.isPropertyAccessExpression(up) && up.getExpression() === at && up.getName() === 'forEach') {
      const call = up.getParent();
      const callback = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
      return !!callback && callsItsParameter(callback);
    }
    if (Node.isForOfStatement(up) && up.getExpression() === at) {
      const variable = up.getInitializer();
      const names = Node.isVariableDeclarationList(variable) ? variable.getDeclarations().map((d) => d.getName()) : [];
      return names.some((n) => calls(up.getStatement(), n));
    }
    if (!(
      Node.isElementAccessExpression(up) ||
      Node.isPropertyAccessExpression(up) ||
      Node.isParenthesizedExpression(up) ||
      Node.isBinaryExpression(up) ||
      Node.isCallExpression(up) ||
      Node.isNonNullExpression(up)
    ))
      return false;
  }
  return false;
}

function callsItsParameter(fn: Node): boolean {
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  const first = fn.getParameters()[0]?.getName();
  return !!first && calls(fn.getBody(), first);
}

function calls(body: Node, name: string): boolean {
  return (
    body.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => c.getExpression().getText() === name) ||
    (Node.isCallExpression(body) && body.getExpression().getText() === name)
  );
}
