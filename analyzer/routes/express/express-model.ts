import type { CallExpression, Node } from 'ts-morph';
import type { Argument, EvalContext, Evaluator, EvaluatorHost } from '../evaluator/evaluator';
import { compact } from '../evaluator/text';
import { type LibValue, type Value, object, unknown } from '../evaluator/values';
import { modelDecoratedControllers } from './decorated-controllers';
import { routeChainCall, routerCall } from './express-api';
import { libraryRouteCheck, registersRoutes } from './library-routes';
import { expressPackageCall, expressPackageValue } from './packages';
import { type StrategySite, strategyRegistration } from './passport-strategies';
import { modelRestResource } from './rest-resources';
import type { ListenSite, RouterModel } from './router-model';

/**
 * The Express model the evaluator runs the app for: the apps and routers it creates with their
 * registrations, the `listen` calls and passport strategies it reaches, and what Express's values
 * and the packages that register routes do when the evaluator meets them (its `EvaluatorHost`).
 * `flatten` turns its routers into routes.
 */
export class ExpressModel implements EvaluatorHost {
  /** Every app and router created, in creation order. */
  readonly routers: RouterModel[] = [];
  /** Every `listen` call reached on an app or an HTTP server. */
  readonly listens: ListenSite[] = [];
  /** Every `passport.use(...)` call reached, by call node (a call evaluated twice counts once). */
  readonly strategies = new Map<Node, StrategySite>();
  private readonly locals = new Map<number, Value>();

  /** Makes a new app (`express()`) or router (`Router()`), created while evaluating `entry`. */
  newRouter(kind: 'app' | 'router', node: Node, entry: string): RouterModel {
    const router: RouterModel = { id: this.routers.length, kind, node, layers: [], entry, mounted: false };
    this.routers.push(router);
    return router;
  }

  packageValue(pkg: string, specifier: string, node: Node): Value | undefined {
    return expressPackageValue(pkg, specifier, node);
  }

  call(ev: Evaluator, callee: Value, _args: Value[], _ctx: EvalContext, node: Node): Value | undefined {
    if (callee.kind === 'express') return { kind: 'router', router: this.newRouter('app', node, ev.entry) };
    if (callee.kind === 'express-router-factory') return { kind: 'router', router: this.newRouter('router', node, ev.entry) };
    return undefined;
  }

  callPackage(ev: Evaluator, callee: LibValue, args: Value[], result: LibValue, ctx: EvalContext, node: Node): Value | undefined {
    const made = expressPackageCall(callee, args, node);
    if (made) return made;
    const decorated = modelDecoratedControllers(ev, () => this.newRouter('app', node, ev.entry), callee, args, node, ctx);
    if (decorated?.app) return { kind: 'router', router: decorated.app };
    if (!decorated && !modelRestResource(ev, callee, args, node, ctx.conditions)) libraryRouteCheck(ev, callee, args, node);
    const strategy = strategyRegistration(callee, args, node);
    if (strategy) this.strategies.set(node, strategy);
    const wraps = args.flatMap((a) => (a.kind === 'router' ? [a.router] : []));
    if (wraps.length > 0) result.wraps = wraps;
    return undefined;
  }

  construct(ev: Evaluator, callee: Value, args: Value[], ctx: EvalContext, node: Node): Value | undefined {
    if (callee.kind === 'express' || callee.kind === 'express-router-factory') return this.call(ev, callee, args, ctx, node);
    if (callee.kind === 'lib' && (callee.pkg === 'http' || callee.pkg === 'https') && callee.path[0] === 'Server') return { kind: 'server', node };
    if (callee.kind === 'lib' && registersRoutes(callee)) libraryRouteCheck(ev, callee, args, node);
    return undefined;
  }

  methodCall(ev: Evaluator, target: Value, name: string, args: Argument[], node: CallExpression, ctx: EvalContext): Value | undefined {
    if (target.kind === 'router') return routerCall(ev, this.listens, target.router, name, args, node, ctx);
    if (target.kind === 'route-chain') return routeChainCall(ev, target, name, args, node, ctx);
    // Only recorded, for the hazard stage: the call goes on as a plain call.
    if (target.kind === 'server' && name === 'listen') this.listens.push({ node, entry: ev.entry });
    return undefined;
  }

  member(_ev: Evaluator, target: Value, name: string, node: Node): Value | undefined {
    switch (target.kind) {
      case 'express':
        if (name === 'Router') return { kind: 'express-router-factory' };
        if (name === 'default') return target;
        return { kind: 'lib', pkg: 'express', path: [name], text: `express.${name}`, node };
      case 'express-router-factory':
        // `import Router from 'express-promise-router'` compiled to CommonJS reads `.default`.
        return name === 'default' ? target : unknown(compact(node.getText()), node);
      case 'router':
        if (name === 'locals' || name === 'settings') return this.routerLocals(target.router);
        return target.router.props?.get(name) ?? unknown(compact(node.getText()), node);
      default:
        return undefined;
    }
  }

  assign(owner: Value, name: string, value: Value): boolean {
    if (owner.kind !== 'router') return false;
    (owner.router.props ??= new Map()).set(name, value);
    return true;
  }

  typeOf(value: Value): string | undefined {
    // An app, a router and the functions that make them are functions.
    return value.kind === 'router' || value.kind === 'express' || value.kind === 'express-router-factory' ? 'function' : undefined;
  }

  producedBy(result: Value): Value | undefined {
    return result.kind === 'router' ? result : undefined;
  }

  private routerLocals(router: RouterModel): Value {
    let locals = this.locals.get(router.id);
    if (!locals) {
      locals = object();
      this.locals.set(router.id, locals);
    }
    return locals;
  }
}
