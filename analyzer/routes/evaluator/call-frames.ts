import type { Node } from 'ts-morph';
import type { Scope } from './scope';
import type { Value } from './values';

const MAX_RECURSION = 12;

/** One call under way: the closure it runs in and its arguments. */
interface Frame {
  scope: Scope;
  args: Value[];
}

/**
 * The calls under way, per function. It decides whether a recursive call may run: only when it
 * runs in another closure (a callback made anew by each call) or walks known data the enclosing
 * call did not have (`map(tree[key], prefix + key)`), and a bounded number of times. Recursion
 * on the same closure and unknown values is cut, since it could only repeat the enclosing call.
 */
export class CallFrames {
  private readonly frames = new Map<Node, Frame[]>();

  /** Whether `fn` already runs as often as a recursion may go. */
  atLimit(fn: Node): boolean {
    return (this.frames.get(fn)?.length ?? 0) >= MAX_RECURSION;
  }

  /** Whether a call of `fn` (closing over `scope`) with `args` may run, given the evaluation stack. */
  mayEnter(fn: Node, scope: Scope, args: Value[], stack: Node[]): boolean {
    const frames = this.frames.get(fn);
    const outer = frames?.[frames.length - 1];
    if (!frames || !outer || !stack.includes(fn)) return true;
    return outer.scope !== scope || args.some((arg, i) => isKnown(arg) && !sameValue(arg, outer.args[i]));
  }

  /** Runs `body` as a call of `fn` (closing over `scope`) with `args`. */
  within<T>(fn: Node, scope: Scope, args: Value[], body: () => T): T {
    let frames = this.frames.get(fn);
    if (!frames) {
      frames = [];
      this.frames.set(fn, frames);
    }
    frames.push({ scope, args });
    try {
      return body();
    } finally {
      frames.pop();
    }
  }
}

function isKnown(value: Value): boolean {
  return value.kind !== 'unknown' && value.kind !== 'lib' && value.kind !== 'undefined' && value.kind !== 'null';
}

function sameValue(a: Value, b: Value | undefined): boolean {
  if (!b || a.kind !== b.kind) return false;
  if (a.kind === 'string' || a.kind === 'number' || a.kind === 'boolean') return a.value === (b as typeof a).value;
  return a === b;
}
