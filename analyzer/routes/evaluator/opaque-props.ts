import type { LibValue, UnknownValue, Value } from './values';

/** A value the evaluator cannot see into: a package export or what it makes (`new UrlUtils()`), or an unknown. */
export type OpaqueValue = LibValue | UnknownValue;

// Keyed by the value itself: a variable or `module.exports` holding the instance holds this very object.
const ASSIGNED = new WeakMap<OpaqueValue, Map<string, Value>>();

/** Whether a value is opaque to the evaluator (its properties are only those the app assigns). */
export function isOpaque(value: Value): value is OpaqueValue {
  return value.kind === 'lib' || value.kind === 'unknown';
}

/** Remembers `owner.name = value` on an opaque value (`module.exports.BASE_API_PATH = '/ghost/api'` after `module.exports = new UrlUtils()`). */
export function assignOpaque(owner: OpaqueValue, name: string, value: Value): void {
  let props = ASSIGNED.get(owner);
  if (!props) {
    props = new Map();
    ASSIGNED.set(owner, props);
  }
  props.set(name, value);
}

/** What the app assigned to `owner.name`; `undefined` when it assigned nothing there. */
export function assignedOpaque(owner: OpaqueValue, name: string): Value | undefined {
  return ASSIGNED.get(owner)?.get(name);
}
