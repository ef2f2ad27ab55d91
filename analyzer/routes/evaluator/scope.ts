import type { Value } from './values';

type Binding = { value: Value } | { get: () => Value };

/** A lexical scope of the evaluator: names bound to values, or to lazy import bindings. */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  /** @param parent the enclosing scope; `undefined` for a module's top scope */
  constructor(readonly parent?: Scope) {}

  /** Declares (or redeclares) a name in this scope. */
  declare(name: string, value: Value): void {
    this.bindings.set(name, { value });
  }

  /** Declares a name whose value is computed when read (ES import bindings are live). */
  declareLazy(name: string, get: () => Value): void {
    let cached: Value | undefined;
    this.bindings.set(name, {
      get: () => {
        if (cached === undefined || cached.kind === 'undefined') cached = get();
        return cached;
      },
    });
  }

  /** The value of a name, looked up through enclosing scopes; `undefined` when unbound. */
  lookup(name: string): Value | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding) return 'value' in binding ? binding.value : binding.get();
    }
    return undefined;
  }

  /** Assigns to the nearest scope that binds the name, or declares it here. */
  assign(name: string, value: Value): void {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.bindings.has(name)) {
        scope.bindings.set(name, { value });
        return;
      }
    }
    this.bindings.set(name, { value });
  }
}
