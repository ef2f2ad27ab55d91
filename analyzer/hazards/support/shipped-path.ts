import { Node } from 'ts-morph';
import { isFrom } from './imports';
import { findDeclaration } from './scopes';
import { stringValue, unwrap } from './syntax';

const PATH_MODULES = ['path', 'path/posix', 'upath'];
const MAX_DEPTH = 6;

/**
 * Whether a file path expression names a file shipped with the code: anchored at `__dirname`
 * (or `__filename`) and extended only by string literals, through `path.join`/`path.resolve`,
 * `+`, template literals and `const`s initialised that way (`const VIEWS = path.join(__dirname,
 * 'views')`). Such a file is part of the deployment, not one a request wrote. A part that comes
 * from a request, a parameter or config, a bare relative literal (resolved against the working
 * folder) or an absolute literal after the anchor makes the answer false.
 */
export function isShippedPath(node: Node | undefined, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const n = unwrap(node);
  if (Node.isIdentifier(n)) {
    if (n.getText() === '__dirname' || n.getText() === '__filename') return true;
    const decl = findDeclaration(n);
    return !!decl && Node.isVariableDeclaration(decl) && isConst(decl) && isShippedPath(decl.getInitializer(), depth + 1);
  }
  if (Node.isBinaryExpression(n)) return n.getOperatorToken().getText() === '+' && isShippedPath(n.getLeft(), depth + 1) && isTail(n.getRight(), depth, false);
  if (Node.isTemplateExpression(n)) {
    const [first, ...rest] = n.getTemplateSpans();
    return n.getHead().getLiteralText() === '' && !!first && isShippedPath(first.getExpression(), depth + 1) && rest.every((span) => isTail(span.getExpression(), depth, false));
  }
  if (Node.isCallExpression(n) && isFrom(n.getExpression(), PATH_MODULES, 'join', 'resolve', 'posix.join', 'posix.resolve')) {
    const [first, ...rest] = n.getArguments();
    const resolves = isFrom(n.getExpression(), PATH_MODULES, 'resolve', 'posix.resolve');
    return isShippedPath(first, depth + 1) && rest.every((a) => isTail(a, depth, resolves));
  }
  return false;
}

/** A part after the anchor: a literal (for `path.resolve`, one that does not restart the path, like `'/etc'`), or another shipped path. */
function isTail(node: Node, depth: number, restarts: boolean): boolean {
  const literal = stringValue(node);
  if (literal !== undefined) return !restarts || (!literal.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(literal));
  return isShippedPath(node, depth + 1);
}

function isConst(decl: Node): boolean {
  const list = decl.getParent();
  return Node.isVariableDeclarationList(list) && list.getDeclarationKind() === 'const';
}
