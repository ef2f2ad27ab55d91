import { Node } from 'ts-morph';
import type { DiagnosticSink } from '../../diagnostics';
import { bindName } from './bindings';
import { callBuiltin } from './builtins';
import { CallFrames } from './call-frames';
import { evaluateCall } from './calls';
import { construct, instanceMember, classStatic } from './classes';
import type { Completion, EvalContext, Evaluator, ListenSite } from './evaluator';
import { evaluateExpression, functionProps } from './expressions';
import { libraryRouteCheck } from '../express/library-routes';
import { type StrategySite, strategyRegistration } from '../express/passport-strategies';
import { modelRestResource } from '../express/rest-resources';
import { modelDecoratedControllers } from '../express/decorated-controllers';
import type { ModuleLoader } from './module-loader';
import type { RouterModel } from '../express/router-model';
import { Scope } from './scope';
import { executeStatements } from './statements';
import { compact } from './text';
import { UNDEFINED, type FunctionValue, type LibValue, type Value, object, unknown } from './values';

const MAX_DEPTH = 24;
const DEFAULT_BUDGET = 3_000_000;

/**
 * Evaluates the monolith from its entries without running it: an abstract interpreter over
 * the ts-morph AST that knows Express's registration API. Its output is the app and router
 * models with their layers, which `flatten` turns into routes.
 */
export class Interpreter implements Evaluator {
  /** Every app and router created, in creation order. */
  readonly routers: RouterModel[] = [];
  /** Every `listen` call reached. */
  readonly listens: ListenSite[] = [];
  /** Every `passport.use(...)` call reached, by call node (a call evaluated twice counts once). */
  readonly strategies = new Map<Node, StrategySite>();
  /** The argument values of each call node's latest evaluation. */
  readonly callArguments = new WeakMap<Node, Value[]>();
  private entry = '';
  private steps = 0;
  private budgetReported = false;
  private readonly invokedCallbacks = new WeakMap<Scope, Set<Node>>();
  private readonly locals = new Map<number, Value>();
  private readonly frames = new CallFrames();

  /**
   * @param appDir absolute app dir
   * @param diagnostics where findings go
   * @param modules module records and resolution
   * @param budget statements the evaluation may run before it stops
   */
  constructor(
    readonly appDir: string,
    readonly diagnostics: DiagnosticSink,
    private readonly modules: ModuleLoader,
    private readonly budget = DEFAULT_BUDGET,
  ) {}

  /** Evaluates one entry file (and everything it loads). */
  runEntry(file: string): void {
    this.entry = file;
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

  newRouter(kind: 'app' | 'router', node: Node): RouterModel {
    const router: RouterModel = { id: this.routers.length, kind, node, layers: [], entry: this.entry, mounted: false };
    this.routers.push(router);
    return router;
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
      case 'express':
        return { kind: 'router', router: this.newRouter('app', node) };
      case 'express-router-factory':
        return { kind: 'router', router: this.newRouter('router', node) };
      case 'lib': {
        const builtin = callBuiltin(this, callee, args, node, ctx);
        if (builtin) return builtin;
        const decorated = modelDecoratedControllers(this, callee, args, node, ctx);
        if (decorated?.app) return { kind: 'router', router: decorated.app };
        if (!decorated && !modelRestResource(this, callee, args, node, ctx.conditions)) libraryRouteCheck(this, callee, args, node);
        const strategy = strategyRegistration(callee, args, node);
        if (strategy) this.strategies.set(node, strategy);
        const result: LibValue = { kind: 'lib', pkg: callee.pkg, path: [...callee.path, '()'], text: compact(node.getText()), node };
        const wraps = args.flatMap((a) => (a.kind === 'router' ? [a.router] : []));
        if (wraps.length > 0) result.wraps = wraps;
        return this.invokeCallbacks(args, ctx, node) ?? result;
      }
      default:
        return this.invokeCallbacks(args, ctx, node) ?? unknown(compact(node.getText()), node);
    }
  }

  construct(callee: Value, args: Value[], ctx: EvalContext, node: Node): Value {
    return construct(this, callee, args, ctx, node);
  }

  member(target: Value, name: string, node: Node): Value {
    switch (target.kind) {
      case 'object':
        return target.props.get(name) ?? (target.proto ? instanceMember(this, target, name) : UNDEFINED);
      case 'class':
        return classStatic(this, target, name);
      case 'function':
        return functionProps(target).get(name) ?? (name === 'name' ? unknown(`${compact(node.getText())}`, node) : UNDEFINED);
      case 'express':
        if (name === 'Router') return { kind: 'express-router-factory' };
        if (name === 'default') return target;
        return { kind: 'lib', pkg: 'express', path: [name], text: `express.${name}`, node };
      case 'express-router-factory':
        // `import Router from 'express-promise-router'` compiled to CommonJS reads `.default`.
        return name === 'default' ? target : unknown(compact(node.getText()), node);
      case 'lib':
        return { kind: 'lib', pkg: target.pkg, path: [...target.path, name], text: `${target.text}.${name}`, node };
      case 'router':
        if (name === 'locals' || name === 'settings') return this.routerLocals(target.router);
        return target.router.props?.get(name) ?? unknown(compact(node.getText()), node);
      case 'array':
        if (name === 'length') return { kind: 'number', value: target.elements.length };
        return /^\d+$/.test(name) ? (target.elements[Number(name)] ?? UNDEFINED) : unknown(compact(node.getText()), node);
      case 'string':
        if (name === 'length' && !target.dynamic) return { kind: 'number', value: target.value.length };
        return unknown(compact(node.getText()), node);
      case 'map':
        return name === 'size' ? { kind: 'number', value: target.entries.length } : unknown(compact(node.getText()), node);
      default:
        return unknown(compact(node.getText()), node);
    }
  }

  private routerLocals(router: RouterModel): Value {
    let locals = this.locals.get(router.id);
    if (!locals) {
      locals = object();
      this.locals.set(router.id, locals);
    }
    return locals;
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
   * callback that builds or imports an app or router (`lazyLoad(() => import('./api'))`) makes
   * the call stand for that router: the library hands requests on to it.
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
      if (loaded?.kind === 'router') produced ??= loaded;
    }
    return produced;
  }
}
