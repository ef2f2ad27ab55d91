import type { CallExpression, Node } from 'ts-morph';
import type { Argument, EvalContext, Evaluator } from './evaluator';
import type { LibValue, Value } from './values';

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
