import type { Node } from 'ts-morph';
import type { EvalContext, Evaluator } from './evaluator';
import { compact } from './text';
import { type Value, UNDEFINED, primitive, str, toStringValue, truthiness, unknown } from './values';

type ArrayValue = Extract<Value, { kind: 'array' }>;
type MapValue = Extract<Value, { kind: 'map' }>;
type StringValue = Extract<Value, { kind: 'string' }>;

const num = (value: number): Value => ({ kind: 'number', value });
const bool = (value: boolean): Value => ({ kind: 'boolean', value });

/** Array methods over a known array; callbacks run once per element. */
export function callArrayMethod(ev: Evaluator, array: ArrayValue, name: string, args: Value[], ctx: EvalContext, node: Node): Value | undefined {
  const cb = args[0];
  const each = (fn: (result: Value, item: Value, index: number) => void): void => {
    if (!cb || (cb.kind !== 'function' && cb.kind !== 'class')) return;
    array.elements.forEach((item, index) => fn(ev.call(cb, [item, num(index), array], args[1], ctx, node), item, index));
  };
  switch (name) {
    case 'forEach':
      each(() => undefined);
      return UNDEFINED;
    case 'map': {
      const elements: Value[] = [];
      each((result) => elements.push(result));
      return { kind: 'array', elements };
    }
    case 'flatMap': {
      const elements: Value[] = [];
      each((result) => (result.kind === 'array' ? elements.push(...result.elements) : elements.push(result)));
      return { kind: 'array', elements };
    }
    case 'filter': {
      const elements: Value[] = [];
      each((result, item) => truthiness(result) !== false && elements.push(item));
      return { kind: 'array', elements };
    }
    case 'find': {
      let found: Value = UNDEFINED;
      each((result, item) => found.kind === 'undefined' && truthiness(result) === true && (found = item));
      return found;
    }
    case 'some':
    case 'every':
      each(() => undefined);
      return unknown(compact(node.getText()), node);
    case 'reduce':
      return reduce(ev, array, args, ctx, node);
    case 'concat':
      return { kind: 'array', elements: [...array.elements, ...args.flatMap((a) => (a.kind === 'array' ? a.elements : [a]))] };
    case 'flat':
      return { kind: 'array', elements: array.elements.flatMap((a) => (a.kind === 'array' ? a.elements : [a])) };
    case 'slice':
      return { kind: 'array', elements: array.elements.slice(numberArg(args[0]), numberArg(args[1])) };
    case 'reverse':
      return { kind: 'array', elements: [...array.elements].reverse() };
    case 'push':
    case 'unshift':
      if (name === 'push') array.elements.push(...args);
      else array.elements.unshift(...args);
      return num(array.elements.length);
    case 'join': {
      const parts = array.elements.map(toStringValue);
      const sep = args[0] ? toStringValue(args[0]) : ',';
      if (parts.some((p) => p === undefined) || sep === undefined) return unknown(compact(node.getText()), node);
      return str(parts.join(sep));
    }
    case 'includes': {
      const needle = args[0] && primitive(args[0]);
      if (!needle) return unknown(compact(node.getText()), node);
      return bool(array.elements.some((e) => primitive(e)?.value === needle.value));
    }
    case 'indexOf':
    case 'lastIndexOf': {
      const needle = args[0] && primitive(args[0]);
      if (!needle || array.elements.some((e) => !primitive(e))) return unknown(compact(node.getText()), node);
      const values = array.elements.map((e) => primitive(e)?.value);
      return num(name === 'indexOf' ? values.indexOf(needle.value) : values.lastIndexOf(needle.value));
    }
    case 'entries':
      return { kind: 'array', elements: array.elements.map((e, i) => ({ kind: 'array', elements: [num(i), e] })) };
    case 'keys':
      return { kind: 'array', elements: array.elements.map((_, i) => num(i)) };
    case 'values':
      return array;
    default:
      return undefined;
  }
}

function reduce(ev: Evaluator, array: ArrayValue, args: Value[], ctx: EvalContext, node: Node): Value {
  const cb = args[0];
  if (!cb || cb.kind !== 'function') return unknown(compact(node.getText()), node);
  let acc: Value | undefined = args[1];
  array.elements.forEach((item, index) => {
    acc = acc === undefined ? item : ev.call(cb, [acc, item, num(index), array], undefined, ctx, node);
  });
  return acc ?? UNDEFINED;
}

function numberArg(value: Value | undefined): number | undefined {
  return value?.kind === 'number' ? value.value : undefined;
}

/** Map methods over a known Map. */
export function callMapMethod(ev: Evaluator, map: MapValue, name: string, args: Value[], ctx: EvalContext, node: Node): Value | undefined {
  const keyOf = (v: Value | undefined): unknown => (v ? primitive(v)?.value : undefined);
  switch (name) {
    case 'get': {
      const key = keyOf(args[0]);
      return map.entries.find(([k]) => primitive(k)?.value === key)?.[1] ?? UNDEFINED;
    }
    case 'set':
      if (args[0] && args[1]) map.entries.push([args[0], args[1]]);
      return map;
    case 'has':
      return bool(map.entries.some(([k]) => primitive(k)?.value === keyOf(args[0])));
    case 'forEach': {
      const cb = args[0];
      if (cb?.kind === 'function') for (const [k, v] of map.entries) ev.call(cb, [v, k, map], undefined, ctx, node);
      return UNDEFINED;
    }
    case 'keys':
      return { kind: 'array', elements: map.entries.map(([k]) => k) };
    case 'values':
      return { kind: 'array', elements: map.entries.map(([, v]) => v) };
    case 'entries':
      return { kind: 'array', elements: map.entries.map(([k, v]) => ({ kind: 'array', elements: [k, v] })) };
    default:
      return undefined;
  }
}

/** String methods over a known string (a partially known one stays partially known). */
export function callStringMethod(target: StringValue, name: string, args: Value[], node: Node): Value | undefined {
  const s = target.value;
  const a = args.map((v) => (v.kind === 'regex' ? regexOf(v.text) : toStringValue(v)));
  const keep = (value: string): Value => ({ ...target, value });
  if (target.dynamic && !['concat', 'replace', 'toLowerCase', 'toUpperCase', 'trim'].includes(name)) return unknown(compact(node.getText()), node);
  switch (name) {
    case 'toLowerCase':
      return keep(s.toLowerCase());
    case 'toUpperCase':
      return keep(s.toUpperCase());
    case 'trim':
      return keep(s.trim());
    case 'concat':
      return a.every((x) => typeof x === 'string') ? keep(s + a.join('')) : unknown(compact(node.getText()), node);
    case 'replace':
    case 'replaceAll': {
      const [pattern, replacement] = a;
      if (pattern === undefined || typeof replacement !== 'string') return unknown(compact(node.getText()), node);
      return keep(name === 'replace' ? s.replace(pattern, replacement) : s.replaceAll(pattern, replacement));
    }
    case 'split': {
      const sep = a[0];
      if (sep === undefined) return unknown(compact(node.getText()), node);
      return { kind: 'array', elements: s.split(sep).map((p) => str(p)) };
    }
    case 'slice':
    case 'substring':
    case 'substr': {
      const [from, to] = args.map(numberArg);
      return keep(name === 'substr' ? s.substr(from ?? 0, to) : name === 'slice' ? s.slice(from, to) : s.substring(from ?? 0, to));
    }
    case 'startsWith':
    case 'endsWith':
    case 'includes': {
      const x = a[0];
      if (typeof x !== 'string') return unknown(compact(node.getText()), node);
      return bool(name === 'startsWith' ? s.startsWith(x) : name === 'endsWith' ? s.endsWith(x) : s.includes(x));
    }
    case 'charAt':
      return str(s.charAt(numberArg(args[0]) ?? 0));
    case 'toString':
    case 'valueOf':
      return target;
    default:
      return undefined;
  }
}

function regexOf(text: string): RegExp | undefined {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (!match) return undefined;
  try {
    return new RegExp(match[1] ?? '', match[2]);
  } catch {
    return undefined;
  }
}
