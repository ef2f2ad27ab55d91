import { Node, type SourceFile } from 'ts-morph';
import { unwrap } from '../load/unwrap';

/**
 * A unit of the declaration graph: a function, a module-level declaration, one member of an
 * object literal or class held in one (`productController.list`, `UserService.find`), or a
 * module's side-effect code. Reaching a unit means the route may run its code.
 */
export interface Unit {
  /** Identity: file, position, kind and member. */
  key: string;
  /** The declaring node (a SourceFile for module-level units). */
  node: Node;
  /** Member name, `#init` for a class's constructor and fields, `#module` for side-effect code, `#exports` for all exports. */
  member?: string;
}

/** Makes (or names) a unit. */
export function unit(node: Node, member?: string): Unit {
  const file = node.getSourceFile().getFilePath();
  return { key: `${file}:${node.getStart()}:${node.getKind()}#${member ?? ''}`, node, member };
}

/**
 * The nodes a unit stands for when asking which routes reach a place: a class member unit
 * stands for that member (not the whole class), an object-literal member for its property.
 */
export function anchorNodes(u: Unit): Node[] {
  const { node, member } = u;
  const isClass = Node.isClassDeclaration(node) || Node.isClassExpression(node);
  const literal = Node.isVariableDeclaration(node) ? unwrap(node.getInitializer()) : undefined;
  const parts: Node[] = isClass ? node.getMembers() : literal && Node.isObjectLiteralExpression(literal) ? literal.getProperties() : [];
  if (member === '#init' && isClass) return [...node.getConstructors(), ...node.getProperties()];
  if (member === undefined || member.startsWith('#')) return [node, ...parts];
  const named = parts.filter((m) => 'getName' in m && (m as { getName(): string }).getName() === member);
  return [node, ...named];
}

/** What scanning a unit needs: the nodes whose code runs, further units it always implies, and its class. */
export interface UnitBody {
  /** Nodes to scan for references. */
  nodes: Node[];
  /** Units reached unconditionally (a class's constructor when one of its methods is reached). */
  implied: Unit[];
  /** The class whose `this` the code sees, for `this.member` references. */
  thisClass?: Node;
  /** A reference to resolve with a member (`new OrderController(...)` reached as `.list`). */
  memberOf?: { expr: Node; member: string };
}

/** The code of a unit. */
export function unitBody(u: Unit): UnitBody {
  const { node, member } = u;
  if (Node.isSourceFile(node)) return { nodes: member === '#module' ? moduleCode(node) : [], implied: [] };
  if (Node.isVariableDeclaration(node)) return withAugmentations(variableBody(node, member), node);
  if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
    const body = classBody(node, member);
    return member === undefined || member === '#init' ? withAugmentations(body, node) : body;
  }
  const thisClass = node.getFirstAncestor((a) => Node.isClassDeclaration(a) || Node.isClassExpression(a));
  const body = { nodes: [node], implied: [], thisClass };
  return Node.isFunctionDeclaration(node) ? withAugmentations(body, node) : body;
}

/**
 * Module-level statements that complete a declaration (`Author.init(...)`,
 * `UserSchema.methods.x = ...`, `handler.schema = ...`): they run whenever the declaration is used.
 */
function withAugmentations(body: UnitBody, decl: Node): UnitBody {
  const name = (decl as { getName?(): string | undefined }).getName?.();
  const parent = Node.isVariableDeclaration(decl) ? decl.getVariableStatement() : decl;
  if (!name || !parent || !Node.isSourceFile(parent.getParent() ?? decl)) return body;
  const statements = decl
    .getSourceFile()
    .getStatements()
    .filter((s) => Node.isExpressionStatement(s) && leftmost(s.getExpression()) === name && !isRegistration(s.getExpression()));
  return statements.length > 0 ? { ...body, nodes: [...body.nodes, ...statements] } : body;
}

/** Express registrations (`app.get(...)`, `router.use(...)`) add routes; they do not complete a declaration. */
const REGISTRATION = /^(use|route|listen|param|all|get|post|put|patch|delete|del|options|head|set|engine|enable|disable)$/;

function isRegistration(expr: Node): boolean {
  for (let current: Node = expr; Node.isCallExpression(current);) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return false;
    if (REGISTRATION.test(callee.getName())) return true;
    current = callee.getExpression();
  }
  return false;
}

function leftmost(expr: Node): string | undefined {
  let current: Node = expr;
  for (;;) {
    if (Node.isBinaryExpression(current)) current = current.getLeft();
    else if (Node.isCallExpression(current) || Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current))
      current = current.getExpression();
    else return Node.isIdentifier(current) ? current.getText() : undefined;
  }
}

function variableBody(decl: import('ts-morph').VariableDeclaration, member: string | undefined): UnitBody {
  const init = unwrap(decl.getInitializer());
  if (!init) return { nodes: [], implied: [] };
  if (member && Node.isObjectLiteralExpression(init)) {
    const nodes: Node[] = [];
    for (const property of init.getProperties()) {
      if (Node.isSpreadAssignment(property)) nodes.push(property.getExpression());
      else if ('getName' in property && (property as { getName(): string }).getName() === member) nodes.push(property);
    }
    return { nodes: nodes.length > 0 ? nodes : [init], implied: [] };
  }
  if (member && Node.isNewExpression(init)) {
    return { nodes: init.getArguments(), implied: [], memberOf: { expr: init.getExpression(), member } };
  }
  return { nodes: [init], implied: [] };
}

function classBody(cls: import('ts-morph').ClassDeclaration | import('ts-morph').ClassExpression, member: string | undefined): UnitBody {
  if (member === undefined) return { nodes: [cls], implied: [], thisClass: cls };
  if (member === '#init') {
    const nodes: Node[] = [...cls.getConstructors(), ...cls.getProperties().filter((p) => !p.isStatic()), ...cls.getDecorators()];
    const heritage = cls.getExtends();
    if (heritage) nodes.push(heritage);
    return { nodes, implied: [], thisClass: cls };
  }
  const members = cls.getMembers().filter((m) => 'getName' in m && (m as { getName(): string }).getName() === member);
  return { nodes: members.length > 0 ? members : [cls], implied: [unit(cls, '#init')], thisClass: cls };
}

/** Module-level code that runs when a file is loaded: everything but function and class bodies. */
function moduleCode(sourceFile: SourceFile): Node[] {
  return sourceFile
    .getStatements()
    .filter((s) => !Node.isFunctionDeclaration(s) && !Node.isClassDeclaration(s) && !Node.isInterfaceDeclaration(s) && !Node.isTypeAliasDeclaration(s));
}
