import { Node } from 'ts-morph';
import type { DiagnosticSink } from '../../diagnostics';
import { bindName } from './bindings';
import { callBuiltin } from './builtins';
import { CallFrames } from './call-frames';
import { evaluateCall } from './calls';
import { construct, instanceMember, classStatic } from './classes';
import type { Completion, EvalContext, Evaluator, EvaluatorHost } from './evaluator';
import { evaluateExpression, functionProps } from './expressions';
import type { ModuleLoader } from './module-loader';
import { Scope } from './scope';
import { assignedOpaque } from './opaque-props';
import { executeStatements } from './statements';
import { compact } from './text';
import { UNDEFINED, type FunctionValue, type LibValue, type Value, unknown } from './values';

const MAX_DEPTH = 24;
const DEFAULT_BUDGET = 3_000_000;

/**
 * Evaluates the monolith from its entries without running it: an abstract interpreter of
 * JavaScript over the ts-morph AST. It knows the language and Node's builtins; what the app
 * registers it learns from its host (the Express model), which it asks about the values and
 * packages the host adds.
 */
export class Interpreter implements Evaluator {
  /** The argument values of each call node's latest evaluation. */
  readonly callArguments = new WeakMap<Node, Value[]>();
  private currentEntry = '';
  private steps = 0;
  private budgetReported = false;
  private readonly invokedCallbacks = new WeakMap<Scope, Set<Node>>();
  private readonly frames = new CallFrames();

  /**
   * @param appDir absolute app dir
   * @param diagnostics where findings go
   * @param modules module records and resolution
   * @param host the model the app is evaluated for (the Express model)
   * @param budget statements the evaluation may run before it stops
   */
  constructor(
    readonly appDir: string,
    readonly diagnostics: DiagnosticSink,
    private readonly modules: ModuleLoader,
    readonly host: EvaluatorHost,
    private readonly budget = DEFAULT_BUDGET,
  ) {}

  get entry(): string {
    return this.currentEntry;
  }

  /** Evaluates one entry file (and everything it loads). */
  runEntry(file: string): void {
    this.currentEntry = file;
    this.modules.loadFile(this, file);
  }

  evaluate(node: Node, scope: Scope, ctx: EvalContext): Value {
    if (Node.isCallExpression(node)) return evaluateCall(this, node, scope, ctx);
    return evaluateExpression(this, node, scope, ctx);
  }

  execute(statements: Node[], scope: Scope, ctx: EvalContext): Completion {
    return executeStatements(this, statements, scope, ctx);
  }

  tick(): boolean {
    this.steps++;
    if (this.steps <= this.budget) return true;
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.diagnostics.atFile(
        'ANALYSIS_BUDGET_EXCEEDED',
        'warning',
        this.entry,
        0,
        `evaluation stopped after ${this.budget} steps`,
        'routes registered late in startup may be missing; pass --entry to narrow the analysis',
      );
    }
    return false;
  }

  load(specifier: string, fromNode: Node, ctx: EvalContext): Value {
    void ctx;
    return this.modules.load(this, specifier, fromNode);
  }

  loadPath(file: string, fromNode: Node, ctx: EvalContext): Value {
    void ctx;
    return this.modules.loadResolved(this, file, fromNode);
  }

  call(callee: Value, args: Value[], thisValue: Value | undefined, ctx: EvalContext, node: Node): Value {
    switch (callee.kind) {
      case 'function':
        return this.invoke(callee, args, thisValue, ctx, node);
      case 'class':
        return construct(this, callee, args, ctx, node);
      case 'lib': {
        const builtin = callBuiltin(this, callee, args, node, ctx);
        if (builtin) return builtin;
        const result: LibValue = { kind: 'lib', pkg: callee.pkg, path: [...callee.path, '()'], text: compact(node.getText()), node };
        return this.host.callPackage(this, callee, args, result, ctx, node) ?? this.invokeCallbacks(args, ctx, node) ?? result;
      }
      default:
        return this.host.call(this, callee, args, ctx, node) ?? this.invokeCallbacks(args, ctx, node) ?? unknown(compact(node.getText()), node);
    }
  }

  construct(callee: Value, args: Value[], ctx: EvalContext, node: Node): Value {
    return construct(this, callee, args, ctx, node);
  }

  member(target: Value, name: string, node: Node): Value {
    const hosted = this.host.member(this, target, name, node);
    if (hosted !== undefined) return hosted;
    switch (target.kind) {
      case 'object':
        return target.props.get(name) ?? (target.proto ? instanceMember(this, target, name) : UNDEFINED);
      case 'class':
        return classStatic(this, target, name);
      case 'function':
        return functionProps(target).get(name) ?? (name === 'name' ? unknown(`${compact(node.getText())}`, node) : UNDEFINED);
      case 'lib':
        return assignedOpaque(target, name) ?? libMember(target, name, node);
      case 'array':
        if (name === 'length') return { kind: 'number', value: target.elements.length };
        return /^\d+$/.test(name) ? (target.elements[Number(name)] ?? UNDEFINED) : unknown(compact(node.getText()), node);
      case 'string':
        if (name === 'length' && !target.dynamic) return { kind: 'number', value: target.value.length };
        return unknown(compact(node.getText()), node);
      case 'map':
        return name === 'size' ? { kind: 'number', value: target.entries.length } : unknown(compact(node.getText()), node);
      case 'unknown':
        return assignedOpaque(target, name) ?? unknown(compact(node.getText()), node);
      default:
        return unknown(compact(node.getText()), node);
    }
  }

  /** Runs a function of the monolith with bound arguments; depth and unproductive recursion are cut off. */
  private invoke(fn: FunctionValue, args: Value[], thisValue: Value | undefined, ctx: EvalContext, callNode: Node): Value {
    const node = fn.node;
    if (ctx.stack.length >= MAX_DEPTH || this.frames.atLimit(node)) {
      const what = ctx.stack.length >= MAX_DEPTH ? `calls nested ${MAX_DEPTH} deep` : 'a recursion this deep';
      this.diagnostics.atNode(
        'ANALYSIS_DEPTH_LIMIT',
        'info',
        callNode,
        `evaluation stopped at ${what}: the result of ${compact(callNode.getText())} is unknown`,
        'routes registered inside that call may be missing; a flatter startup (or --entry nearer the routes) avoids it',
      );
      return unknown(compact(callNode.getText()), callNode);
    }
    if (!this.frames.mayEnter(node, fn.scope, args, ctx.stack) || !this.tick()) return unknown(compact(callNode.getText()), callNode);
    return this.frames.within(node, fn.scope, args, () => this.run(fn, args, thisValue, ctx, callNode));
  }

  private run(fn: FunctionValue, args: Value[], thisValue: Value | undefined, ctx: EvalContext, callNode: Node): Value {
    const node = fn.node;
    if (!Node.isFunctionLikeDeclaration(node) && !Node.isArrowFunction(node) && !Node.isFunctionExpression(node))
      return unknown(compact(callNode.getText()), callNode);
    const scope = new Scope(fn.scope);
    const inner: EvalContext = { conditions: ctx.conditions, stack: [...ctx.stack, node] };
    if (!Node.isArrowFunction(node)) {
      scope.declare('this', fn.thisValue ?? thisValue ?? UNDEFINED);
      scope.declare('arguments', { kind: 'array', elements: args });
    }
    const allArgs = [...(fn.boundArgs ?? []), ...args];
    node.getParameters().forEach((param, index) => {
      let value: Value = param.isRestParameter() ? { kind: 'array', elements: allArgs.slice(index) } : (allArgs[index] ?? UNDEFINED);
      const init = param.getInitializer();
      if (value.kind === 'undefined' && init) value = this.evaluate(init, scope, inner);
      bindName(this, param.getNameNode(), value, scope, inner);
    });
    const body = (node as unknown as { getBody(): Node | undefined }).getBody();
    if (!body) return UNDEFINED;
    if (!Node.isBlock(body)) return this.evaluate(body, scope, inner);
    const completion = this.execute(body.getStatements(), scope, inner);
    return completion.type === 'return' ? completion.value : UNDEFINED;
  }

  /**
   * Callbacks handed to code cleave does not model (`db.connect().then(cb)`, `lib.init(app, cb)`)
   * run once per closure, with unknown arguments, so registrations inside them are seen. A
   * callback that builds or imports what the host says a call stands for (an Express router:
   * `lazyLoad(() => import('./api'))`) makes the call stand for it: the library hands requests on to it.
   */
  private invokeCallbacks(args: Value[], ctx: EvalContext, node: Node): Value | undefined {
    let produced: Value | undefined;
    for (const arg of args) {
      if (arg.kind !== 'function') continue;
      let seen = this.invokedCallbacks.get(arg.scope);
      if (!seen) {
        seen = new Set();
        this.invokedCallbacks.set(arg.scope, seen);
      }
      if (seen.has(arg.node)) continue;
      seen.add(arg.node);
      const fnNode = arg.node;
      const params = Node.isFunctionLikeDeclaration(fnNode) || Node.isArrowFunction(fnNode) || Node.isFunctionExpression(fnNode) ? fnNode.getParameters() : [];
      const result = this.invoke(
        arg,
        params.map((p) => unknown(p.getName(), p)),
        undefined,
        ctx,
        node,
      );
      const loaded = result.kind === 'object' ? result.props.get('default') : result;
      const standsFor = loaded && this.host.producedBy(loaded);
      if (standsFor) produced ??= standsFor;
    }
    return produced;
  }
}

/** A property of a package value, as opaque as its owner; one read straight off an instance is marked so. */
function libMember(target: LibValue, name: string, node: Node): LibValue {
  const member: LibValue = { kind: 'lib', pkg: target.pkg, path: [...target.path, name], text: `${target.text}.${name}`, node };
  if (target.instance) member.instanceProperty = true;
  return member;
}
