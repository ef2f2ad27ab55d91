import { Node } from 'ts-morph';
import { findDeclaration } from './scopes';
import { unwrap } from './syntax';

/** Whether a value is a handler's response object: `res`/`response`, or the second parameter of a function. */
export function isResponse(receiver: Node | undefined): boolean {
  if (!receiver) return false;
  const n = unwrap(receiver);
  if (!Node.isIdentifier(n)) return false;
  if (/^(res|response|resp|reply)$/.test(n.getText())) return true;
  const decl = findDeclaration(n);
  if (!decl || !Node.isParameterDeclaration(decl)) return false;
  const fn = decl.getParent();
  return Node.isParametered(fn) && fn.getParameters().indexOf(decl) === 1;
}
