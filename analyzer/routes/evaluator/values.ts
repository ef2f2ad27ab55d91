import type { Node } from 'ts-morph';
import type { Scope } from './scope';

/**
 * The abstract values the route evaluator computes. The monolith is never run: each value is
 * what an expression is known to hold, or `unknown` with the source text that produced it.
 */
export type Value =
  | StringValue
  | { kind: 'number'; value: number; soft?: string }
  | { kind: 'boolean'; value: boolean; soft?: string }
  | { kind: 'undefined' }
  | { kind: 'null' }
  | { kind: 'regex'; text: string }
  | { kind: 'array'; elements: Value[] }
  | ObjectValue
  | { kind: 'map'; entries: Array<[Value, Value]> }
  | FunctionValue
  | ClassValue
  | LibValue
  | { kind: 'file-content'; path: string }
  | UnknownValue
  | HostValue;

/**
 * The values a host model adds to the evaluator's domain, by kind: empty here. The Express model
 * adds its apps, routers and servers by augmenting it (analyzer/routes/express/router-model.ts);
 * the evaluator carries them and asks its `EvaluatorHost` what they do.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by the host model
export interface HostValueKinds {}

/** A value of the host model (`HostValueKinds`). */
export type HostValue = HostValueKinds[keyof HostValueKinds];

/**
 * A string. `soft` names the unknown it defaults from (`process.env.PREFIX || '/api'`): usable as
 * a path, but a condition that compares it stays unknown.
 */
export interface StringValue {
  /** Discriminant. */
  kind: 'string';
  /** The known text. */
  value: string;
  /** The expression the value is a default for, when it is one. */
  soft?: string;
  /** Source texts of the parts not statically known; each stands as `{?}` in `value`. */
  dynamic?: string[];
}

/** A plain object, module exports or class instance. */
export interface ObjectValue {
  /** Discriminant. */
  kind: 'object';
  /** Own properties. */
  props: Map<string, Value>;
  /** The class this object is an instance of. */
  proto?: ClassValue;
}

/** A function of the monolith, with the scope it closes over. */
export interface FunctionValue {
  /** Discriminant. */
  kind: 'function';
  /** The function-like declaration node. */
  node: Node;
  /** Scope the function closes over. */
  scope: Scope;
  /** `this` bound by a method access or `bind`. */
  thisValue?: Value;
  /** Arguments bound by `bind`. */
  boundArgs?: Value[];
}

/** A class of the monolith. */
export interface ClassValue {
  /** Discriminant. */
  kind: 'class';
  /** The class declaration or expression. */
  node: Node;
  /** Scope the class closes over. */
  scope: Scope;
  /** Static members assigned at runtime. */
  statics: Map<string, Value>;
}

/** Something that comes from an npm package or a Node builtin, opaque to the evaluator (`helmet`, `helmet()`, `path.join`). */
export interface LibValue {
  /** Discriminant. */
  kind: 'lib';
  /** Package name (`node:path` style for builtins, `<global>` for JavaScript globals). */
  pkg: string;
  /** Property chain from the package's export (`['join']` for `path.join`). */
  path: string[];
  /** Source text of the expression that produced it. */
  text: string;
  /** The expression node. */
  node?: Node;
  /** Made by `new` of the export (`new UrlUtils({...})`): an instance of a class the evaluator does not read. */
  instance?: true;
  /** Read as a property straight off such an instance, not called (`urlUtils.BASE_API_PATH`). */
  instanceProperty?: true;
}

/** A value that cannot be known statically. */
export interface UnknownValue {
  /** Discriminant. */
  kind: 'unknown';
  /** The source text that produced it. */
  text: string;
  /** The expression node. */
  node?: Node;
}

/** The `undefined` value. */
export const UNDEFINED: Value = { kind: 'undefined' };

/** A string value. */
export function str(value: string, soft?: string): Value {
  return soft === undefined ? { kind: 'string', value } : { kind: 'string', value, soft };
}

/** An unknown value named by the source text that produced it. */
export function unknown(text: string, node?: Node): UnknownValue {
  return { kind: 'unknown', text, node };
}

/** A new plain object. */
export function object(entries: Iterable<[string, Value]> = []): ObjectValue {
  return { kind: 'object', props: new Map(entries) };
}

/** Whether a value is statically truthy (`true`), falsy (`false`) or unknown (`undefined`). */
export function truthiness(value: Value): boolean | undefined {
  switch (value.kind) {
    case 'string':
      return value.soft !== undefined || value.dynamic ? undefined : value.value !== '';
    case 'number':
      return value.soft !== undefined ? undefined : value.value !== 0 && !Number.isNaN(value.value);
    case 'boolean':
      return value.soft !== undefined ? undefined : value.value;
    case 'undefined':
    case 'null':
      return false;
    case 'unknown':
    case 'lib':
      return undefined;
    default:
      return true;
  }
}

/** The primitive JavaScript value of a known, non-soft primitive; `undefined` otherwise. */
export function primitive(value: Value): { value: unknown } | undefined {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return { value: value.value };
    case 'undefined':
      return { value: undefined };
    case 'null':
      return { value: null };
    default:
      return undefined;
  }
}

/** The soft marker of a value, if it is a default for something unknown. */
export function softOf(value: Value): string | undefined {
  return value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' ? value.soft : undefined;
}

/**
 * Converts a parsed JSON document into a value. With `soft`, each primitive is a soft default
 * named by its place (`config.api.prefix` under `soft` = `config`): a settings file another may
 * override at run time.
 */
export function fromJson(json: unknown, soft?: string): Value {
  const below = (key: string | number): string | undefined => (soft === undefined ? undefined : typeof key === 'number' ? `${soft}[${key}]` : `${soft}.${key}`);
  if (json === null) return { kind: 'null' };
  if (Array.isArray(json)) return { kind: 'array', elements: json.map((e, i) => fromJson(e, below(i))) };
  switch (typeof json) {
    case 'string':
      return str(json, soft);
    case 'number':
      return soft === undefined ? { kind: 'number', value: json } : { kind: 'number', value: json, soft };
    case 'boolean':
      return soft === undefined ? { kind: 'boolean', value: json } : { kind: 'boolean', value: json, soft };
    case 'object':
      return object(Object.entries(json as Record<string, unknown>).map(([k, v]) => [k, fromJson(v, below(k))]));
    default:
      return UNDEFINED;
  }
}

/** Text for a value used where a string is needed; `undefined` when not statically known. */
export function toStringValue(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'undefined':
      return 'undefined';
    case 'null':
      return 'null';
    default:
      return undefined;
  }
}
