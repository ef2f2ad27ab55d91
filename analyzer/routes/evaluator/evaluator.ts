import type { Node } from 'ts-morph';
import type { DiagnosticSink } from '../../diagnostics';
import type { EvaluatorHost } from './host';
import type { Scope } from './scope';
import type { Value } from './values';

/** Per-path evaluation state: the guards in force and the call depth. */
export interface EvalContext {
  /** Source text of each `if`/`&&`/ternary guard around the current code. */
  conditions: string[];
  /** Function nodes being executed, innermost last (recursion guard). */
  stack: Node[];
}

/** One evaluated call argument with the node it came from. */
export interface Argument {
  /** The value. */
  value: Value;
  /** The argument expression (the spread expression for spread elements). */
  node: Node;
}

/** How a statement list finished. */
export type Completion = { type: 'normal' } | { type: 'return'; value: Value } | { type: 'break' } | { type: 'continue' } | { type: 'throw' };

/**
 * The route evaluator's services, as the statement, expression and express modules see them.
 * The `Interpreter` implements it; the modules take it as a parameter so none imports another.
 */
export interface Evaluator {
  /** Absolute app dir. */
  readonly appDir: string;
  /** Diagnostics sink. */
  readonly diagnostics: DiagnosticSink;
  /** The model the app is evaluated for, asked about the values and packages it adds. */
  readonly host: EvaluatorHost;
  /** The entry file being evaluated (absolute path). */
  readonly entry: string;
  /** The argument values of each call node's latest evaluation (to see through wrappers). */
  readonly callArguments: WeakMap<Node, Value[]>;
  /** Evaluates an expression. */
  evaluate(node: Node, scope: Scope, ctx: EvalContext): Value;
  /** Runs statements in a scope (the caller makes the scope). */
  execute(statements: Node[], scope: Scope, ctx: EvalContext): Completion;
  /** Calls a value with arguments. */
  call(callee: Value, args: Value[], thisValue: Value | undefined, ctx: EvalContext, node: Node): Value;
  /** `new callee(...args)`. */
  construct(callee: Value, args: Value[], ctx: EvalContext, node: Node): Value;
  /** Reads a property of a value. */
  member(object: Value, name: string, node: Node): Value;
  /** `require(specifier)` / `import(specifier)` from a file. */
  load(specifier: string, fromNode: Node, ctx: EvalContext): Value;
  /** Loads a module by absolute path (`require(path.join(__dirname, f))`). */
  loadPath(file: string, fromNode: Node, ctx: EvalContext): Value;
  /** Counts one unit of work; false once the budget is spent. */
  tick(): boolean;
}
