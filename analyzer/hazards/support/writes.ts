import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { calleeName, callsIn, nodesOfKind, receiverOf, unwrap } from './syntax';

/** How a write changes its target. */
export type WriteKind =
  /** `x = v`, `x += v` on the variable itself */
  | 'assign'
  /** `x++`, `--x` on the variable itself */
  | 'update'
  /** `x.y = v`, `x[k]++`, `delete x[k]` */
  | 'member'
  /** `x.set(k, v)`, `x.push(v)`, `Object.assign(x, v)` */
  | 'call';

/** A place that changes a value. */
export interface WriteSite {
  /** The whole write expression (reported and shown). */
  node: Node;
  /** What is written: `x`, `x.y`, `x[k]`, or the receiver of a mutating call. */
  target: Node;
  /** How. */
  kind: WriteKind;
}

/** Methods that change the Map, Set, array or cache they are called on. */
export const MUTATING_METHODS = new Set([
  'set',
  'add',
  'delete',
  'clear',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'fill',
  'copyWithin',
  'put',
  'del',
  'mset',
  'take',
  'flushAll',
]);

const ASSIGNMENT_OPERATORS = new Set([
  SyntaxKind.EqualsToken,
  SyntaxKind.PlusEqualsToken,
  SyntaxKind.MinusEqualsToken,
  SyntaxKind.AsteriskEqualsToken,
  SyntaxKind.SlashEqualsToken,
  SyntaxKind.PercentEqualsToken,
  SyntaxKind.BarBarEqualsToken,
  SyntaxKind.AmpersandAmpersandEqualsToken,
  SyntaxKind.QuestionQuestionEqualsToken,
  SyntaxKind.BarEqualsToken,
  SyntaxKind.AmpersandEqualsToken,
  SyntaxKind.LessThanLessThanEqualsToken,
  SyntaxKind.GreaterThanGreaterThanEqualsToken,
]);

const cache = new WeakMap<SourceFile, WriteSite[]>();

/** Every write in a file, in source order (cached). */
export function writeSites(sf: SourceFile): WriteSite[] {
  const hit = cache.get(sf);
  if (hit) return hit;
  const sites: WriteSite[] = [];
  const accessOrName = (n: Node): WriteKind | undefined =>
    Node.isIdentifier(n) ? 'assign' : Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n) ? 'member' : undefined;
  const candidates = [
    ...nodesOfKind(sf, SyntaxKind.BinaryExpression),
    ...nodesOfKind(sf, SyntaxKind.PrefixUnaryExpression),
    ...nodesOfKind(sf, SyntaxKind.PostfixUnaryExpression),
    ...nodesOfKind(sf, SyntaxKind.DeleteExpression),
  ];
  for (const node of candidates) {
    if (Node.isBinaryExpression(node)) {
      if (!ASSIGNMENT_OPERATORS.has(node.getOperatorToken().getKind())) continue;
      const target = unwrap(node.getLeft());
      const kind = accessOrName(target);
      if (kind) sites.push({ node, target, kind });
    } else if (Node.isPrefixUnaryExpression(node) || Node.isPostfixUnaryExpression(node)) {
      const op = node.getOperatorToken();
      if (op !== SyntaxKind.PlusPlusToken && op !== SyntaxKind.MinusMinusToken) continue;
      const target = unwrap(node.getOperand());
      const kind = accessOrName(target);
      if (kind) sites.push({ node, target, kind: kind === 'assign' ? 'update' : kind });
    } else if (Node.isDeleteExpression(node)) {
      sites.push({ node, target: unwrap(node.getExpression()), kind: 'member' });
    }
  }
  for (const call of callsIn(sf)) {
    const name = calleeName(call);
    const receiver = receiverOf(call);
    if (name === 'assign' && receiver?.getText() === 'Object') {
      const first = call.getArguments()[0];
      if (first && !Node.isObjectLiteralExpression(unwrap(first))) sites.push({ node: call, target: unwrap(first), kind: 'call' });
    } else if (name && receiver && MUTATING_METHODS.has(name)) {
      sites.push({ node: call, target: unwrap(receiver), kind: 'call' });
    }
  }
  sites.sort((a, b) => a.node.getStart() - b.node.getStart());
  cache.set(sf, sites);
  return sites;
}

/**
 * Whether an assignment is lazy initialisation (`x ??= make()`, `if (!x) x = make()`): a
 * per-instance singleton such as a client or a memoised value, which is fine in a function.
 */
export function isLazyInit(site: WriteSite): boolean {
  if (site.kind !== 'assign' || !Node.isBinaryExpression(site.node)) return false;
  const op = site.node.getOperatorToken().getKind();
  if (op === SyntaxKind.QuestionQuestionEqualsToken || op === SyntaxKind.BarBarEqualsToken) return true;
  const name = site.target.getText().replace(/[$]/g, '\\$');
  const right = site.node.getRight().getText();
  if (right.startsWith(`${name} ||`) || right.startsWith(`${name} ??`)) return true;
  const guard = new RegExp(`(!\\s*${name}\\b|\\b${name}\\s*[=!]==?\\s*(null|undefined)|typeof\\s+${name}\\s*===?\\s*['"]undefined)`);
  for (let n = site.node.getParent(); n && !Node.isSourceFile(n); n = n.getParent()) {
    if (Node.isIfStatement(n) && guard.test(n.getExpression().getText())) return true;
    if (Node.isConditionalExpression(n) && guard.test(n.getCondition().getText())) return true;
    if (Node.isFunctionDeclaration(n) || Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isMethodDeclaration(n)) break;
  }
  return false;
}
