import type { CallExpression, Node } from 'ts-morph';
import type { DiagnosticSink } from '../../diagnostics';
import type { Scope } from './scope';
import type { LibValue, Value } from './values';

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

/**
 * The model the evaluator runs the app for (the Express model of analyzer/routes/express): what
 * the values it adds to the evaluator's domain (`HostValueKinds`) do, and what the packages it
 * knows are. The evaluator itself knows JavaScript and Node's builtins only; it asks the host
 * first at each of these points, and a hook that returns `undefined` leaves plain JavaScript.
 */
export interface EvaluatorHost {
  /** The value of a package import (`require('express')`); `undefined`: an opaque package value. */
  packageValue(pkg: string, specifier: string, node: Node): Value | undefined;
  /** Calls a host value (`express()`, `Router()`); `undefined` when `callee` is none. */
  call(ev: Evaluator, callee: Value, args: Value[], ctx: EvalContext, node: Node): Value | undefined;
  /**
   * Calls a package export the evaluator does not model (`cors()`, `passport.use(...)`, `resource(...)`):
   * the host may record what the call registers, mark `result` (the opaque value the call makes) or return
   * a value of its own.
   */
  callPackage(ev: Evaluator, callee: LibValue, args: Value[], result: LibValue, ctx: EvalContext, node: Node): Value | undefined;
  /** `new callee(...args)` of a host value or package export (`new express.Router()`, `new http.Server(app)`). */
  construct(ev: Evaluator, callee: Value, args: Value[], ctx: EvalContext, node: Node): Value | undefined;
  /** A method called on a host value (`app.get('/x', fn)`), with the argument nodes; `undefined` for a plain call. */
  methodCall(ev: Evaluator, target: Value, name: string, args: Argument[], node: CallExpression, ctx: EvalContext): Value | undefined;
  /** A member of a host value (`express.Router`, `app.locals`). */
  member(ev: Evaluator, target: Value, name: string, node: Node): Value | undefined;
  /** Assigns a property on a host value (`app.resource = fn`); false when `owner` is none. */
  assign(owner: Value, name: string, value: Value): boolean;
  /** `typeof` of a host value; `undefined` when `value` is none. */
  typeOf(value: Value): string | undefined;
  /**
   * The value a call of code the evaluator does not model stands for when a callback handed to it returned
   * `result` (`lazyLoad(() => import('./api'))` stands for the router the import gives); `undefined`: none.
   */
  producedBy(result: Value): Value | undefined;
}
