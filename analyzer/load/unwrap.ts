import { Node } from 'ts-morph';

/** The expression under parentheses, type assertions (`as`, `<T>`, `satisfies`) and non-null assertions (`!`). */
export function unwrap(node: Node): Node;
export function unwrap(node: Node | undefined): Node | undefined;
export function unwrap(node: Node | undefined): Node | undefined {
  let current = node;
  while (
    current &&
    (Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isSatisfiesExpression(current) ||
      Node.isNonNullExpression(current) ||
      Node.isTypeAssertion(current))
  ) {
    current = current.getExpression();
  }
  return current;
}
