import { Node } from 'ts-morph';

/**
 * Lexical name resolution without the type checker: the node that declares `id` (a variable
 * declaration, binding element, parameter, function, class or import), found by walking up
 * the enclosing scopes. `var` hoisting out of nested blocks is not modelled.
 */
export function findDeclaration(id: Node): Node | undefined {
  const cached = cache.get(id);
  if (cached !== undefined) return cached ?? undefined;
  const name = id.getText();
  let found: Node | undefined;
  for (let scope = id.getParent(); scope && !found; scope = scope.getParent()) found = declaredIn(scope, name);
  cache.set(id, found ?? null);
  return found;
}

const cache = new WeakMap<Node, Node | null>();

/** Whether a declaration found by `findDeclaration` lives at the top level of its file. */
export function isModuleLevel(decl: Node): boolean {
  const owner = scopeOwner(decl);
  return !!owner && Node.isSourceFile(owner);
}

/** The variable declaration a binding element belongs to, or the node itself. */
export function variableOf(decl: Node): Node {
  let n: Node | undefined = decl;
  while (n && Node.isBindingElement(n)) n = n.getParent()?.getParent();
  return n ?? decl;
}

function scopeOwner(decl: Node): Node | undefined {
  const v = variableOf(decl);
  if (Node.isVariableDeclaration(v)) return v.getVariableStatement()?.getParent() ?? v.getParent()?.getParent();
  if (Node.isFunctionDeclaration(v) || Node.isClassDeclaration(v) || Node.isEnumDeclaration(v)) return v.getParent();
  if (Node.isImportSpecifier(v) || Node.isImportClause(v) || Node.isNamespaceImport(v) || Node.isImportEqualsDeclaration(v)) return v.getSourceFile();
  return undefined;
}

function declaredIn(scope: Node, name: string): Node | undefined {
  if (Node.isFunctionExpression(scope) && scope.getName() === name) return scope;
  if (
    Node.isArrowFunction(scope) ||
    Node.isFunctionExpression(scope) ||
    Node.isFunctionDeclaration(scope) ||
    Node.isMethodDeclaration(scope) ||
    Node.isConstructorDeclaration(scope) ||
    Node.isSetAccessorDeclaration(scope)
  ) {
    for (const p of scope.getParameters()) {
      const hit = bound(p.getNameNode(), name);
      if (hit) return Node.isIdentifier(p.getNameNode()) ? p : hit;
    }
    return undefined;
  }
  if (Node.isCatchClause(scope)) {
    const v = scope.getVariableDeclaration();
    return v && bound(v.getNameNode(), name) ? v : undefined;
  }
  if (Node.isForStatement(scope) || Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
    const init = scope.getInitializer();
    if (init && Node.isVariableDeclarationList(init)) return inDeclarations(init.getDeclarations(), name);
    return undefined;
  }
  if (Node.isSourceFile(scope) || Node.isBlock(scope) || Node.isModuleBlock(scope) || Node.isCaseClause(scope) || Node.isDefaultClause(scope)) {
    // A file of 3,000 `require` calls asks its top level for `require` 3,000 times: answer each name once per block.
    let names = blockNames.get(scope);
    if (!names) blockNames.set(scope, (names = new Map()));
    if (!names.has(name)) names.set(name, inStatements(scope.getStatements(), name) ?? null);
    return names.get(name) ?? undefined;
  }
  return undefined;
}

const blockNames = new WeakMap<Node, Map<string, Node | null>>();

function inStatements(statements: Node[], name: string): Node | undefined {
  for (const s of statements) {
    if (Node.isVariableStatement(s)) {
      const hit = inDeclarations(s.getDeclarations(), name);
      if (hit) return hit;
    } else if ((Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s) || Node.isEnumDeclaration(s)) && s.getName() === name) {
      return s;
    } else if (Node.isImportDeclaration(s)) {
      const clause = s.getImportClause();
      if (clause?.getDefaultImport()?.getText() === name) return clause;
      const ns = clause?.getNamespaceImport();
      if (ns?.getText() === name) return ns.getParent();
      const spec = s.getNamedImports().find((i) => (i.getAliasNode() ?? i.getNameNode()).getText() === name);
      if (spec) return spec;
    } else if (Node.isImportEqualsDeclaration(s) && s.getName() === name) {
      return s;
    }
  }
  return undefined;
}

function inDeclarations(decls: Node[], name: string): Node | undefined {
  for (const d of decls) {
    if (!Node.isVariableDeclaration(d)) continue;
    const hit = bound(d.getNameNode(), name);
    if (hit) return Node.isIdentifier(d.getNameNode()) ? d : hit;
  }
  return undefined;
}

/** The identifier or binding element that binds `name` in a declaration name or pattern. */
function bound(nameNode: Node, name: string): Node | undefined {
  if (Node.isIdentifier(nameNode)) return nameNode.getText() === name ? nameNode : undefined;
  if (Node.isObjectBindingPattern(nameNode) || Node.isArrayBindingPattern(nameNode)) {
    for (const el of nameNode.getElements()) {
      if (Node.isOmittedExpression(el)) continue;
      const inner = el.getNameNode();
      if (Node.isIdentifier(inner) && inner.getText() === name) return el;
      const deeper = bound(inner, name);
      if (deeper) return deeper;
    }
  }
  return undefined;
}
