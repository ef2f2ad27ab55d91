import { Node } from 'ts-morph';
import { findDeclaration } from './scopes';
import { unwrap } from './syntax';

/** Methods of Express's response that return the response, so calls chain (`res.status(404).json(...)`). */
const CHAINABLE = new Set(['status', 'type', 'contentType', 'set', 'header', 'append', 'cookie', 'clearCookie', 'location', 'links', 'vary', 'attachment']);

/** Whether a value is a handler's response object: `res`/`response`, the second parameter of a function, or a chained call on one. */
export function isResponse(receiver: Node | undefined): boolean {
  if (!receiver) return false;
  const n = unwrap(receiver);
  // `res.status(422).render(...)`: Express's chainable methods return the response itself.
  if (Node.isCallExpression(n)) {
    const callee = n.getExpression();
    return Node.isPropertyAccessExpression(callee) && CHAINABLE.has(callee.getName()) && isResponse(callee.getExpression());
  }
  if (!Node.isIdentifier(n)) return false;
  if (/^(res|response|resp|reply)$/.test(n.getText())) return true;
  const decl = findDeclaration(n);
  if (!decl || !Node.isParameterDeclaration(decl)) return false;
  const fn = decl.getParent();
  return Node.isParametered(fn) && fn.getParameters().indexOf(decl) === 1;
}
