import type { Node } from 'ts-morph';
import type { FunctionRef } from './describe';
import type { Value } from '../evaluator/values';

/** Where a `listen` call was seen. */
export interface ListenSite {
  /** The call node. */
  node: Node;
  /** The entry being evaluated (absolute path). */
  entry: string;
}

/** One function (or router) argument of a registration, described when it was registered. */
export interface LayerArg {
  /** The argument's value. */
  value: Value;
  /** The argument expression. */
  node: Node;
  /** How it reads as middleware (factories by call text). */
  asMiddleware: FunctionRef;
  /** How it reads as the final handler (through wrappers and factories). */
  asHandler: FunctionRef;
}

/** An express app (`express()`) or router (`Router()`) as registered in the source. */
export interface RouterModel {
  /** Sequential id, in creation order. */
  id: number;
  /** `app` for `express()`, `router` for `Router()`. */
  kind: 'app' | 'router';
  /** The creating call. */
  node: Node;
  /** Registrations, in the order the source makes them. */
  layers: Layer[];
  /** The entry file whose evaluation created it (absolute path). */
  entry: string;
  /** Whether another app or router mounts it. */
  mounted: boolean;
  /** `set`/`enable`/`disable` calls made on it, in evaluation order. */
  settings?: SettingCall[];
  /** Properties the app assigns onto it (`app.resource = function (path, obj) {...}`). */
  props?: Map<string, Value>;
}

/** An `app.set(name, value)`, `app.enable(name)` or `app.disable(name)` call. */
export interface SettingCall {
  /** The method called. */
  method: 'set' | 'enable' | 'disable';
  /** The argument expressions. */
  args: Node[];
  /** Guards around the call, as source text. */
  conditions: string[];
}

/** A `METHOD(path, ...handlers)` or `use([path], ...fns)` registration. */
export interface Layer {
  /** `route` for METHOD/all/route().METHOD; `use` for use(). */
  type: 'route' | 'use';
  /** Upper-case methods (`ALL` for all); empty for `use`. */
  method: string;
  /** The path argument; `undefined` for a pathless `use`. */
  paths: Value | undefined;
  /** Source node of the path argument. */
  pathNode?: Node;
  /** Handler and middleware arguments, arrays flattened, in order. */
  args: LayerArg[];
  /** The registration call. */
  node: Node;
  /** Guards around the registration, as source text. */
  conditions: string[];
  /** The npm package that registered it (finale-rest's `resource()`), when a library did. */
  library?: string;
  /** For an action of a decorated controller class: the class, its export name in its file, and the call that registered it. */
  controller?: ControllerOrigin;
}

/** The decorated controller class a route layer comes from (routing-controllers). */
export interface ControllerOrigin {
  /** The class declaration. */
  node: Node;
  /** The name its file exports it under (`default` for a default export); absent when not exported. */
  export?: string;
  /** The `useExpressServer` / `createExpressServer` call that registered it. */
  call: Node;
}

/** An Express app (`express()`) or router (`Router()`) as a value. */
export interface RouterValue {
  /** Discriminant. */
  kind: 'router';
  /** Its registrations. */
  router: RouterModel;
}

/** `app.route(path)`: each method call on it adds a route for `paths`. */
export interface RouteChainValue {
  /** Discriminant. */
  kind: 'route-chain';
  /** The app or router the chain registers on. */
  router: RouterModel;
  /** The path argument of `route()`. */
  paths: Value;
  /** The `route()` call. */
  node: Node;
}

// The Express model's values, added to the evaluator's domain: the evaluator carries them and asks
// the model (ExpressModel, the evaluator's host) what calls and members of them do.
declare module '../evaluator/values' {
  interface HostValueKinds {
    /** An app or router. */
    router: RouterValue;
    /** `app.route(path)`. */
    routeChain: RouteChainValue;
    /** The `express` export itself (`express()` makes an app). */
    express: { kind: 'express' };
    /** A function that makes a router (`express.Router`, express-promise-router's export). */
    routerFactory: { kind: 'express-router-factory' };
    /** `express.static(dir)` / `serveStatic(dir)`. */
    expressStatic: { kind: 'express-static'; dir: Value; node: Node };
    /** An HTTP server (`http.createServer(app)`, `app.listen()`). */
    server: { kind: 'server'; node: Node };
  }

  interface LibValue {
    /** Apps or routers handed to the call that made it (`vhost(host, app)`): mounted, it dispatches to them. */
    wraps?: RouterModel[];
  }
}
