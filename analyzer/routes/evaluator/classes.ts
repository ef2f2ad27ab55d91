import type { ClassDeclaration, ClassExpression, Node } from 'ts-morph';
import type { EvalContext, Evaluator } from './evaluator';
import { Scope } from './scope';
import { compact } from './text';
import { type ClassValue, type ObjectValue, UNDEFINED, type Value, unknown } from './values';

type ClassNode = ClassDeclaration | ClassExpression;

/** `new callee(...args)`: classes run field initializers and constructors; functions run as constructors. */
export function construct(ev: Evaluator, callee: Value, args: Value[], ctx: EvalContext, node: Node): Value {
  switch (callee.kind) {
    case 'class': {
      const instance: ObjectValue = { kind: 'object', props: new Map(), proto: callee };
      initialize(ev, callee, instance, args, ctx, node);
      return instance;
    }
    case 'function': {
      const instance: ObjectValue = { kind: 'object', props: new Map() };
      const result = ev.call(callee, args, instance, ctx, node);
      // `new F()` gives what F returns when that is an object or a function.
      return result.kind === 'object' || result.kind === 'function' || ev.host.typeOf(result) !== undefined ? result : instance;
    }
    case 'lib':
      if (callee.pkg === '<global>' && callee.path[0] === 'Map') return newMap(args[0]);
      if (callee.pkg === '<global>' && callee.path[0] === 'Set')
        return args[0]?.kind === 'array' ? { kind: 'array', elements: [...args[0].elements] } : { kind: 'array', elements: [] };
      return instanceOf(ev.host.construct(ev, callee, args, ctx, node) ?? ev.call(callee, args, undefined, ctx, node), node);
    default:
      return ev.host.construct(ev, callee, args, ctx, node) ?? unknown(compact(node.getText()), node);
  }
}

/** Marks the opaque value a `new` of a package export made (not one a builtin handed back) as an instance. */
function instanceOf(made: Value, node: Node): Value {
  if (made.kind === 'lib' && made.node === node) made.instance = true;
  return made;
}

function newMap(init: Value | undefined): Value {
  if (init?.kind !== 'array') return { kind: 'map', entries: [] };
  const entries: Array<[Value, Value]> = [];
  for (const pair of init.elements) if (pair.kind === 'array' && pair.elements[0] && pair.elements[1]) entries.push([pair.elements[0], pair.elements[1]]);
  return { kind: 'map', entries };
}

/** Runs the base class, then field initializers, then the constructor body, on `instance`. */
function initialize(ev: Evaluator, cls: ClassValue, instance: ObjectValue, args: Value[], ctx: EvalContext, node: Node): void {
  const decl = cls.node as ClassNode;
  const base = baseClass(ev, cls, ctx);
  const scope = new Scope(cls.scope);
  scope.declare('this', instance);
  if (base) scope.declare('super', base);
  const ctor = decl.getConstructors().find((c) => c.hasBody());
  if (base && !ctor) initialize(ev, base, instance, args, ctx, node);
  for (const prop of decl.getProperties()) {
    const init = prop.getInitializer();
    if (!prop.isStatic() && init) instance.props.set(prop.getName(), ev.evaluate(init, scope, ctx));
  }
  if (!ctor) return;
  ctor.getParameters().forEach((param, index) => {
    // TypeScript parameter properties (`constructor(private users: UserService)`) become fields.
    if (param.isParameterProperty()) instance.props.set(param.getName(), args[index] ?? UNDEFINED);
  });
  ev.call({ kind: 'function', node: ctor, scope, thisValue: instance }, args, instance, ctx, node);
}

function baseClass(ev: Evaluator, cls: ClassValue, ctx: EvalContext): ClassValue | undefined {
  const heritage = (cls.node as ClassNode).getExtends();
  if (!heritage) return undefined;
  const base = ev.evaluate(heritage.getExpression(), cls.scope, ctx);
  return base.kind === 'class' ? base : undefined;
}

/** A method or getter of an instance's class (or its bases), bound to the instance. */
export function instanceMember(ev: Evaluator, instance: ObjectValue, name: string): Value {
  for (let cls: ClassValue | undefined = instance.proto; cls; cls = baseClass(ev, cls, { conditions: [], stack: [] })) {
    const decl = cls.node as ClassNode;
    const method = decl.getInstanceMethod(name);
    if (method) return { kind: 'function', node: method, scope: cls.scope, thisValue: instance };
    const getter = decl.getGetAccessor(name);
    if (getter && !getter.isStatic())
      return ev.call({ kind: 'function', node: getter, scope: cls.scope, thisValue: instance }, [], instance, { conditions: [], stack: [] }, getter);
  }
  return UNDEFINED;
}

/** A static member of a class: assigned at runtime, a static method, or a static field. */
export function classStatic(ev: Evaluator, cls: ClassValue, name: string): Value {
  const assigned = cls.statics.get(name);
  if (assigned) return assigned;
  const decl = cls.node as ClassNode;
  const method = decl.getStaticMethod(name);
  if (method) return { kind: 'function', node: method, scope: cls.scope, thisValue: cls };
  const field = decl.getStaticProperty(name);
  const init = field && 'getInitializer' in field ? field.getInitializer() : undefined;
  if (!init) return UNDEFINED;
  const scope = new Scope(cls.scope);
  scope.declare('this', cls);
  const value = ev.evaluate(init, scope, { conditions: [], stack: [] });
  cls.statics.set(name, value);
  return value;
}
