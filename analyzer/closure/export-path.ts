import { Node } from 'ts-morph';
import { fileIndex } from './file-index';
import { unwrap } from '../load/unwrap';

/**
 * How to reach a declaration from its module, for code that imports it: `default`, a named
 * export (`listUsers`), `*` for the whole `module.exports`, then `.member` for a property of an
 * exported object (`productController.list`, `*.list`). `undefined` when it is not exported.
 */
export function exportPath(target: Node): string | undefined {
  const sourceFile = target.getSourceFile();
  const index = fileIndex(sourceFile);
  const holder = declarationOf(target);
  for (const [name, exported] of index.exports) {
    const head = name === '=' ? '*' : name;
    const node = exported.kind === 'node' ? unwrap(exported.node) : exported.kind === 'local' ? localDeclaration(sourceFile, exported.name) : undefined;
    if (!node) continue;
    if (node === target || node === holder) return head;
    if (Node.isIdentifier(node) && localDeclaration(sourceFile, node.getText()) === holder) return head;
    const member = memberIn(node, target);
    if (member) return `${head}.${member}`;
  }
  return undefined;
}

/** The declaration that holds a node: its variable declaration, or itself. */
function declarationOf(node: Node): Node {
  const parent = node.getParent();
  if (parent && Node.isVariableDeclaration(parent)) return parent;
  return node;
}

function localDeclaration(sourceFile: import('ts-morph').SourceFile, name: string): Node | undefined {
  const binding = fileIndex(sourceFile).bindings.get(name);
  return binding?.kind === 'declaration' ? binding.node : undefined;
}

/** The property of an object literal (held in `node` or its initializer) that is `target`. */
function memberIn(node: Node, target: Node): string | undefined {
  const init = Node.isVariableDeclaration(node) ? unwrap(node.getInitializer()) : node;
  if (!init || !Node.isObjectLiteralExpression(init)) return undefined;
  for (const property of init.getProperties()) {
    if (Node.isMethodDeclaration(property) && property === target) return property.getName();
    if (Node.isPropertyAssignment(property) && unwrap(property.getInitializer()) === target) return property.getName();
    if (Node.isShorthandPropertyAssignment(property) && localDeclaration(init.getSourceFile(), property.getName()) === declarationOf(target))
      return property.getName();
  }
  return undefined;
}
