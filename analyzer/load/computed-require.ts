import { Node } from 'ts-morph';

/** The literal folder (`./drivers/`) a computed `require` argument starts with, when it is relative. */
export function computedRequireFolder(call: Node): string | undefined {
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require') return undefined;
  const arg = call.getArguments()[0];
  let head: string | undefined;
  if (arg && Node.isBinaryExpression(arg) && arg.getOperatorToken().getText() === '+') {
    const left = arg.getLeft();
    head = Node.isStringLiteral(left) ? left.getLiteralValue() : undefined;
  } else if (arg && Node.isTemplateExpression(arg)) {
    head = arg.getHead().getLiteralText();
  }
  if (!head || !/^\.\.?\//.test(head) || !head.endsWith('/')) return undefined;
  return head;
}
