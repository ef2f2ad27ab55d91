import { type IfStatement, Node } from 'ts-morph';
import { bindName, hoist } from './bindings';
import type { Completion, EvalContext, Evaluator } from './evaluator';
import { iterate } from './iteration';
import { Scope } from './scope';
import { compact } from './text';
import { UNDEFINED, type Value, primitive, softOf, truthiness, unknown } from './values';

const NORMAL: Completion = { type: 'normal' };
const LOOP_LIMIT = 2000;

/**
 * Runs a statement list. Branches whose guard is not statically known both run, each with the
 * guard recorded in `ctx.conditions`; a `return` inside such a branch ends only that branch.
 */
export function executeStatements(ev: Evaluator, statements: Node[], scope: Scope, ctx: EvalContext): Completion {
  hoist(statements, scope);
  for (const statement of statements) {
    if (!ev.tick()) return NORMAL;
    const completion = executeStatement(ev, statement, scope, ctx);
    if (completion.type !== 'normal') return completion;
  }
  return NORMAL;
}

function executeStatement(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Completion {
  if (Node.isExpressionStatement(node)) {
    ev.evaluate(node.getExpression(), scope, ctx);
    return NORMAL;
  }
  if (Node.isVariableStatement(node)) {
    for (const decl of node.getDeclarations()) {
      const init = decl.getInitializer();
      const value = init ? ev.evaluate(init, scope, ctx) : UNDEFINED;
      bindName(ev, decl.getNameNode(), value, scope, ctx);
    }
    return NORMAL;
  }
  if (Node.isReturnStatement(node)) {
    const expr = node.getExpression();
    return { type: 'return', value: expr ? ev.evaluate(expr, scope, ctx) : UNDEFINED };
  }
  if (Node.isBlock(node)) return executeStatements(ev, node.getStatements(), new Scope(scope), ctx);
  if (Node.isIfStatement(node)) return executeIf(ev, node, scope, ctx);
  if (Node.isForOfStatement(node) || Node.isForInStatement(node)) return executeForOfIn(ev, node, scope, ctx);
  if (Node.isForStatement(node)) return executeFor(ev, node, scope, ctx);
  if (Node.isWhileStatement(node) || Node.isDoStatement(node)) {
    const cond = truthiness(ev.evaluate(node.getExpression(), scope, ctx));
    if (cond === false && Node.isWhileStatement(node)) return NORMAL;
    return loopBody(executeStatement(ev, node.getStatement(), new Scope(scope), ctx)) ?? NORMAL;
  }
  if (Node.isTryStatement(node)) {
    const result = executeStatements(ev, node.getTryBlock().getStatements(), new Scope(scope), ctx);
    const finallyBlock = node.getFinallyBlock();
    if (finallyBlock) executeStatements(ev, finallyBlock.getStatements(), new Scope(scope), ctx);
    return result.type === 'throw' ? NORMAL : result;
  }
  if (Node.isSwitchStatement(node)) return executeSwitch(ev, node, scope, ctx);
  if (Node.isLabeledStatement(node)) return executeStatement(ev, node.getStatement(), scope, ctx);
  if (Node.isThrowStatement(node)) return { type: 'throw' };
  if (Node.isBreakStatement(node)) return { type: 'break' };
  if (Node.isContinueStatement(node)) return { type: 'continue' };
  if (Node.isClassDeclaration(node) || Node.isFunctionDeclaration(node)) return NORMAL;
  if (Node.isExportAssignment(node) || Node.isImportDeclaration(node) || Node.isExportDeclaration(node)) return NORMAL;
  return NORMAL;
}

/** Runs an `if`; an unknown guard runs both branches with the guard recorded. */
function executeIf(ev: Evaluator, node: IfStatement, scope: Scope, ctx: EvalContext): Completion {
  const test = node.getExpression();
  const known = truthiness(ev.evaluate(test, scope, ctx));
  const elseStatement = node.getElseStatement();
  if (known === true) return executeStatement(ev, node.getThenStatement(), scope, ctx);
  if (known === false) return elseStatement ? executeStatement(ev, elseStatement, scope, ctx) : NORMAL;
  const text = compact(test.getText());
  const thenResult = executeStatement(ev, node.getThenStatement(), scope, { ...ctx, conditions: [...ctx.conditions, text] });
  const elseResult = elseStatement ? executeStatement(ev, elseStatement, scope, { ...ctx, conditions: [...ctx.conditions, negate(text)] }) : NORMAL;
  // Both branches ended the function: the first interesting return value stands for both.
  if (thenResult.type === 'return' && elseResult.type === 'return') return isInteresting(thenResult.value) ? thenResult : elseResult;
  // A return under an unknown guard ends only its branch: the code after the `if` may run too.
  return NORMAL;
}

function executeForOfIn(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Completion {
  if (!Node.isForOfStatement(node) && !Node.isForInStatement(node)) return NORMAL;
  const iterable = ev.evaluate(node.getExpression(), scope, ctx);
  const items = iterate(iterable, Node.isForInStatement(node) ? 'keys' : 'values');
  const initializer = node.getInitializer();
  const bind = (loopScope: Scope, value: Value): void => {
    if (Node.isVariableDeclarationList(initializer)) {
      const decl = initializer.getDeclarations()[0];
      if (decl) bindName(ev, decl.getNameNode(), value, loopScope, ctx);
    } else if (Node.isIdentifier(initializer)) {
      loopScope.assign(initializer.getText(), value);
    }
  };
  const values = items ?? [unknown(`item of ${compact(node.getExpression().getText())}`, node.getExpression())];
  if (values.length > LOOP_LIMIT) loopLimited(ev, node);
  for (const value of values.slice(0, LOOP_LIMIT)) {
    const loopScope = new Scope(scope);
    bind(loopScope, value);
    const result = loopBody(executeStatement(ev, node.getStatement(), loopScope, ctx));
    if (result) return result;
    if (!ev.tick()) break;
  }
  return NORMAL;
}

function loopLimited(ev: Evaluator, node: Node): void {
  ev.diagnostics.atNode(
    'LOOP_LIMIT',
    'warning',
    node,
    `evaluation stopped this loop after ${LOOP_LIMIT} iterations: what later iterations register is not listed`,
    'register the routes without a loop this long, or list them in cleave.config.yaml',
  );
}

function executeFor(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Completion {
  if (!Node.isForStatement(node)) return NORMAL;
  const loopScope = new Scope(scope);
  const init = node.getInitializer();
  if (init && Node.isVariableDeclarationList(init)) {
    for (const decl of init.getDeclarations()) {
      const value = decl.getInitializer() ? ev.evaluate(decl.getInitializerOrThrow(), loopScope, ctx) : UNDEFINED;
      bindName(ev, decl.getNameNode(), value, loopScope, ctx);
    }
  } else if (init) {
    ev.evaluate(init, loopScope, ctx);
  }
  for (let i = 0; ev.tick(); i++) {
    if (i === LOOP_LIMIT) {
      loopLimited(ev, node);
      break;
    }
    const condition = node.getCondition();
    const known = condition ? truthiness(ev.evaluate(condition, loopScope, ctx)) : undefined;
    if (known === false) break;
    const result = loopBody(executeStatement(ev, node.getStatement(), new Scope(loopScope), ctx));
    if (result) return result;
    if (known === undefined) break;
    const increment = node.getIncrementor();
    if (increment) ev.evaluate(increment, loopScope, ctx);
  }
  return NORMAL;
}

/**
 * Runs a `switch`. A known subject runs the matching clause and falls through until `break`;
 * an unknown one runs every clause on its own, each with its case recorded as a guard.
 */
function executeSwitch(ev: Evaluator, node: Node, scope: Scope, ctx: EvalContext): Completion {
  if (!Node.isSwitchStatement(node)) return NORMAL;
  const subject = compact(node.getExpression().getText());
  const value = ev.evaluate(node.getExpression(), scope, ctx);
  const clauses = node.getClauses();
  const start = matchingClause(ev, value, clauses, scope, ctx);
  if (start !== undefined) {
    const switchScope = new Scope(scope);
    for (const clause of clauses.slice(start)) {
      const result = executeStatements(ev, clause.getStatements(), switchScope, ctx);
      if (result.type === 'break') return NORMAL;
      if (result.type !== 'normal') return result;
    }
    return NORMAL;
  }
  const cases = clauses.flatMap((c) => (Node.isCaseClause(c) ? [compact(c.getExpression().getText())] : []));
  for (const clause of clauses) {
    const label = Node.isCaseClause(clause)
      ? `${subject} === ${compact(clause.getExpression().getText())}`
      : cases.map((c) => `${subject} !== ${c}`).join(' && ');
    const conditions = label ? [...ctx.conditions, label] : ctx.conditions;
    executeStatements(ev, clause.getStatements(), new Scope(scope), { ...ctx, conditions });
  }
  return NORMAL;
}

/** Index of the clause a known subject enters (past the end when none does); `undefined` when unknown. */
function matchingClause(ev: Evaluator, subject: Value, clauses: Node[], scope: Scope, ctx: EvalContext): number | undefined {
  const key = knownPrimitive(subject);
  if (!key) return undefined;
  for (const [index, clause] of clauses.entries()) {
    if (!Node.isCaseClause(clause)) continue;
    const test = knownPrimitive(ev.evaluate(clause.getExpression(), scope, ctx));
    if (!test) return undefined;
    if (test.value === key.value) return index;
  }
  const fallback = clauses.findIndex((c) => Node.isDefaultClause(c));
  return fallback >= 0 ? fallback : clauses.length;
}

function knownPrimitive(value: Value): { value: unknown } | undefined {
  if (softOf(value) !== undefined || (value.kind === 'string' && value.dynamic)) return undefined;
  return primitive(value);
}

/** What a loop does with its body's completion: stop the loop (`break`), return, or go on. */
function loopBody(completion: Completion): Completion | undefined {
  if (completion.type === 'return') return completion;
  if (completion.type === 'break') return NORMAL;
  return undefined;
}

/** Whether a returned value is worth more than `undefined` (a router, function, object, ...). */
export function isInteresting(value: Value): boolean {
  return value.kind !== 'undefined' && value.kind !== 'unknown' && value.kind !== 'null';
}

function negate(text: string): string {
  return /^[\w.$]+$/.test(text) ? `!${text}` : `!(${text})`;
}
