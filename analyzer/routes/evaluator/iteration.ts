import { type Value, str } from './values';

/**
 * The items a `for..of` (values) or `for..in` (keys) loop visits, when statically known:
 * arrays, Maps (as `[key, value]` pairs), strings and plain objects (keys for `for..in`).
 */
export function iterate(value: Value, mode: 'values' | 'keys'): Value[] | undefined {
  switch (value.kind) {
    case 'array':
      return mode === 'values' ? value.elements : value.elements.map((_, i) => str(String(i)));
    case 'map':
      return value.entries.map(([k, v]) => ({ kind: 'array', elements: [k, v] }));
    case 'object':
      return mode === 'keys' ? [...value.props.keys()].map((k) => str(k)) : undefined;
    case 'string':
      return value.dynamic ? undefined : [...value.value].map((c) => str(c));
    default:
      return undefined;
  }
}
