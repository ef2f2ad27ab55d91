import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { computedRequireFolder } from '../load/computed-require';
import { fileIndex } from './file-index';
import { nodeFacts } from './facts';
import { type DeclarationResolver, type Resolved } from './resolve';
import { type Unit, unit, unitBody } from './units';

/** What a unit's code references and reads, computed once per unit. */
export interface UnitFacts {
  /** Units it reaches directly. */
  edges: Unit[];
  /** npm packages it imports from. */
  packages: Set<string>;
  /** Files it loads (absolute), besides its own. */
  files: Set<string>;
  /** Environment variables and config keys read. */
  env: Set<string>;
  /** Data entities touched. */
  entities: Set<string>;
}

/**
 * Scans a unit's code: each identifier that names a module-level declaration or import of its
 * file becomes an edge (narrowed to `x.member` where possible); `this.member` inside a class
 * reaches that member; facts (env, entities) are collected on the way.
 */
export function scanUnit(u: Unit, resolver: DeclarationResolver): UnitFacts {
  const facts: UnitFacts = { edges: [], packages: new Set(), files: new Set(), env: new Set(), entities: new Set() };
  if (u.member === '#exports' && Node.isSourceFile(u.node)) {
    collect(facts, (out) => resolver.allExports(u.node as SourceFile, out));
    return facts;
  }
  if (u.member === '#side-effect-imports' && Node.isSourceFile(u.node)) {
    const from = u.node;
    for (const site of fileIndex(from).sideEffects) collect(facts, (out) => resolver.sideEffectImport(site.specifier, from, out));
    return facts;
  }
  const body = unitBody(u);
  facts.edges.push(...body.implied);
  const sourceFile = u.node.getSourceFile();
  const bindings = fileIndex(sourceFile).bindings;
  if (body.memberOf) {
    const binding = bindings.get(body.memberOf.expr.getText());
    if (binding) collect(facts, (out) => resolver.binding(binding, sourceFile, body.memberOf!.member, out));
  }
  for (const root of body.nodes) {
    const locals = localNames(root);
    const visit = (node: Node): void => {
      for (const fact of nodeFacts(node)) {
        if (fact.env) facts.env.add(fact.env);
        if (fact.entity) facts.entities.add(fact.entity);
      }
      if (Node.isIdentifier(node)) reference(node, locals, bindings, sourceFile, resolver, facts);
      else if (Node.isCallExpression(node)) inlineRequire(node, sourceFile, resolver, facts);
      else if (node.getKind() === SyntaxKind.ThisKeyword && body.thisClass) thisMember(node, body.thisClass, facts);
    };
    visit(root);
    root.forEachDescendant(visit);
  }
  return facts;
}

function reference(
  id: Node,
  locals: Set<string>,
  bindings: Map<string, import('./file-index').Binding>,
  sourceFile: SourceFile,
  resolver: DeclarationResolver,
  facts: UnitFacts,
): void {
  const name = id.getText();
  if (locals.has(name) || !isValueReference(id)) return;
  const binding = bindings.get(name);
  if (!binding) return;
  const parent = id.getParent();
  const member = parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === id ? parent.getName() : undefined;
  collect(facts, (out) => resolver.binding(binding, sourceFile, member, out));
}

/** `require('./x')` inside code (`router.use(require('./x'))`, `require('./x').y`): what it loads, narrowed to the property read; every module of the folder for `require('./drivers/' + name)`. */
function inlineRequire(call: Node, sourceFile: SourceFile, resolver: DeclarationResolver, facts: UnitFacts): void {
  const callee = (call as import('ts-morph').CallExpression).getExpression();
  if (!Node.isIdentifier(callee) || callee.getText() !== 'require') return;
  const folder = computedRequireFolder(call);
  if (folder) {
    collect(facts, (out) => resolver.folderModules(folder, sourceFile, out));
    return;
  }
  const parent = call.getParent();
  const target = parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === call ? parent : call;
  collect(facts, (out) => resolver.required(target, sourceFile, undefined, out));
}

function thisMember(node: Node, cls: Node, facts: UnitFacts): void {
  const parent = node.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === node) facts.edges.push(unit(cls, parent.getName()));
}

function collect(facts: UnitFacts, run: (out: Resolved) => void): void {
  const out: Resolved = { units: [], packages: [], files: [] };
  run(out);
  facts.edges.push(...out.units);
  for (const p of out.packages) facts.packages.add(p);
  for (const f of out.files) facts.files.add(f);
}

/** Whether an identifier reads a variable (not a property name, declaration name or label). */
function isValueReference(id: Node): boolean {
  const parent = id.getParent();
  if (!parent) return false;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
  if (
    (Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertySignature(parent)) &&
    parent.getNameNode() === id
  )
    return false;
  if (
    (Node.isVariableDeclaration(parent) ||
      Node.isFunctionDeclaration(parent) ||
      Node.isClassDeclaration(parent) ||
      Node.isParameterDeclaration(parent) ||
      Node.isBindingElement(parent)) &&
    (parent as { getNameNode?(): Node }).getNameNode?.() === id
  )
    return false;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === id) return false;
  if (Node.isImportSpecifier(parent) || Node.isExportSpecifier(parent) || Node.isImportClause(parent) || Node.isNamespaceImport(parent)) return false;
  if (Node.isTypeReference(parent)) return isMetadataType(parent);
  if (Node.isQualifiedName(parent) || Node.isLabeledStatement(parent)) return false;
  return true;
}

/**
 * A type that TypeScript turns into a value under `emitDecoratorMetadata`: the type of a
 * parameter of a decorated class's constructor, of a decorated method or parameter, or of a
 * decorated property (`design:paramtypes`, `design:type`). Dependency injection builds the class
 * from it (`constructor(private mailer: MailerService)`), so the route needs that class's file.
 */
function isMetadataType(typeRef: Node): boolean {
  const holder = typeRef.getParent();
  if (!holder || !(Node.isParameterDeclaration(holder) || Node.isPropertyDeclaration(holder)) || holder.getTypeNode() !== typeRef) return false;
  if (!typeRef.getProject().getCompilerOptions().emitDecoratorMetadata) return false;
  if (holder.getDecorators().length > 0) return true;
  if (Node.isPropertyDeclaration(holder)) return false;
  const fn = holder.getParent();
  if (Node.isConstructorDeclaration(fn)) {
    const cls = fn.getParent();
    return Node.isClassDeclaration(cls) && cls.getDecorators().length > 0;
  }
  return Node.isMethodDeclaration(fn) && fn.getDecorators().length > 0;
}

const LOCALS = new WeakMap<Node, Set<string>>();

/** Names declared inside a node (parameters, variables, functions, classes, catch bindings). */
function localNames(root: Node): Set<string> {
  let names = LOCALS.get(root);
  if (names) return names;
  names = new Set();
  const add = (n: Node | undefined): void => {
    if (!n) return;
    if (Node.isIdentifier(n)) names!.add(n.getText());
    else
      n.getDescendants()
        .filter(Node.isBindingElement)
        .forEach((e) => names!.add(e.getName()));
  };
  root.forEachDescendant((node) => {
    if (Node.isParameterDeclaration(node) || Node.isVariableDeclaration(node)) add(node.getNameNode());
    else if ((Node.isFunctionDeclaration(node) || Node.isClassDeclaration(node) || Node.isFunctionExpression(node)) && node.getNameNode())
      add(node.getNameNode());
  });
  if (Node.isFunctionLikeDeclaration(root) || Node.isArrowFunction(root) || Node.isFunctionExpression(root)) {
    for (const p of root.getParameters()) add(p.getNameNode());
  }
  LOCALS.set(root, names);
  return names;
}
