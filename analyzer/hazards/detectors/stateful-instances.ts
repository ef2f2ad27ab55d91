import { type ClassDeclaration, Node, type NewExpression, type SourceFile, SyntaxKind } from 'ts-morph';
import { resolveValue } from '../support/exports';
import { appFiles } from '../support/files';
import { containerKind } from '../support/state';
import { declaredName, isFunctionLike, unwrap, where } from '../support/syntax';
import { writeSites } from '../support/writes';
import type { Detector, HazardSite } from '../types';

/** A field of a class that its methods change: its declaration and what it holds. */
interface StatefulField {
  name: string;
  node: Node;
  holds: string;
  writers: string[];
}

const fieldCache = new WeakMap<Node, StatefulField | null>();

/**
 * MODULE_STATE_SHARED for in-process singletons: a module-level variable, or what a module
 * exports (`module.exports = new UserModel()`, `export default new ItemStore()`), holding
 * instances of an app class whose methods write its own Map/Set/array/object/counter fields (an
 * in-memory repository, a service with a cache). The data lives in one process, like a
 * module-level Map.
 */
export const detectStatefulInstances: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const { name, init, anchor } of moduleLevelValues(sf)) {
      const found = instancesIn(init).flatMap((n) => {
        const cls = resolveValue(ctx, n.getExpression());
        if (!cls || !Node.isClassDeclaration(cls)) return [];
        const field = statefulField(cls);
        return field ? [{ n, cls, field }] : [];
      });
      const first = found[0];
      if (!first) continue;
      const className = first.cls.getName() ?? 'class';
      const count = found.length === 1 ? `an in-process \`${className}\` instance` : `${found.length} in-process \`${className}\` instances`;
      sites.push({
        code: 'MODULE_STATE_SHARED',
        severity: 'warning',
        node: first.n,
        message: `${name} holds ${count}; each keeps its \`${first.field.name}\` ${first.field.holds} (${where(ctx, first.field.node)}), written by ${first.field.writers.slice(0, 4).join(', ')} at request time, so the data lives in one process and is lost on a cold start`,
        advice:
          'keep the data in a database or shared store (DynamoDB, RDS, Redis) behind the same class interface; in-process data cannot be shared between functions or instances',
        anchor,
      });
    }
  }
  return sites;
};

/**
 * The values a module holds at its top level, described for a message: its variables
 * (`module-level \`repo\``), its default export (`export default new UserModel()`) and what it
 * assigns to `module.exports` or `exports.x` (an exported singleton has no variable of its own).
 */
function moduleLevelValues(sf: SourceFile): Array<{ name: string; init: Node; anchor: Node }> {
  const out: Array<{ name: string; init: Node; anchor: Node }> = [];
  for (const statement of sf.getVariableStatements()) {
    for (const decl of statement.getDeclarations()) {
      const init = decl.getInitializer();
      if (init) out.push({ name: `module-level \`${decl.getName()}\``, init, anchor: decl });
    }
  }
  // What a module exports reaches every route that imports the module.
  for (const assignment of sf.getExportAssignments()) out.push({ name: "the module's default export", init: assignment.getExpression(), anchor: sf });
  for (const statement of sf.getStatements()) {
    if (!Node.isExpressionStatement(statement)) continue;
    const expression = statement.getExpression();
    if (!Node.isBinaryExpression(expression) || expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const target = expression.getLeft().getText();
    if (/^(?:module\.exports|exports)(?:\.[\w$]+)?$/.test(target)) out.push({ name: `\`${target}\``, init: expression.getRight(), anchor: sf });
  }
  return out;
}

/** `new X()` in a module-level initializer, directly or inside object and array literals (not in functions). */
function instancesIn(init: Node): NewExpression[] {
  const n = unwrap(init);
  if (Node.isNewExpression(n)) return [n];
  if (!Node.isObjectLiteralExpression(n) && !Node.isArrayLiteralExpression(n)) return [];
  return n.getDescendantsOfKind(SyntaxKind.NewExpression).filter((x) => !insideFunction(x, n));
}

function insideFunction(node: Node, stop: Node): boolean {
  for (let p = node.getParent(); p && p !== stop; p = p.getParent()) if (isFunctionLike(p)) return true;
  return false;
}

/** The first field of a class that one of its methods (not the constructor) writes. */
export function statefulField(cls: ClassDeclaration): StatefulField | undefined {
  const cached = fieldCache.get(cls);
  if (cached !== undefined) return cached ?? undefined;
  const fields = new Map<string, { node: Node; holds: string }>();
  for (const p of cls.getProperties()) {
    if (p.isStatic()) continue;
    const init = p.getInitializer();
    const holds = containerKind(init) ?? (init && Node.isNumericLiteral(unwrap(init)) ? 'counter' : undefined);
    if (holds) fields.set(p.getName(), { node: p, holds });
  }
  for (const ctor of cls.getConstructors()) {
    for (const w of writeSites(cls.getSourceFile())) {
      if (!ctor.containsRange(w.node.getPos(), w.node.getEnd()) || !Node.isBinaryExpression(w.node)) continue;
      const name = thisField(w.target);
      const holds = containerKind(w.node.getRight()) ?? (Node.isNumericLiteral(unwrap(w.node.getRight())) ? 'counter' : undefined);
      if (name && holds && !fields.has(name) && w.target.getText() === `this.${name}`) fields.set(name, { node: w.node, holds });
    }
  }
  let result: StatefulField | undefined;
  const writers = new Map<string, string[]>();
  for (const w of writeSites(cls.getSourceFile())) {
    const method = w.node.getFirstAncestor(
      (a) => Node.isMethodDeclaration(a) || Node.isPropertyDeclaration(a) || Node.isSetAccessorDeclaration(a) || Node.isConstructorDeclaration(a),
    );
    if (!method || Node.isConstructorDeclaration(method) || method.getParent() !== cls) continue;
    if (Node.isPropertyDeclaration(method) && !isFunctionLike(unwrap(method.getInitializer() ?? method))) continue;
    const name = thisField(w.target);
    if (!name || !fields.has(name)) continue;
    const list = writers.get(name) ?? [];
    const writer = declaredName(method) ?? 'a method';
    if (!list.includes(writer)) list.push(writer);
    writers.set(name, list);
  }
  for (const [name, field] of fields) {
    const list = writers.get(name);
    if (list) {
      result = { name, node: field.node, holds: field.holds, writers: list };
      break;
    }
  }
  fieldCache.set(cls, result ?? null);
  return result;
}

/** `rows` for `this.rows`, `this.rows[k]`, `this.rows.x`. */
function thisField(node: Node): string | undefined {
  let n: Node = unwrap(node);
  while (Node.isPropertyAccessExpression(n) || Node.isElementAccessExpression(n)) {
    const inner = unwrap(n.getExpression());
    if (inner.getKind() === SyntaxKind.ThisKeyword) return Node.isPropertyAccessExpression(n) ? n.getName() : undefined;
    n = inner;
  }
  return undefined;
}
