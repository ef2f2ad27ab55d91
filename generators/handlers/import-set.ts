import type { ImportDeclarationStructure, OptionalKind } from 'ts-morph';

/** How a module is imported: its default export, a named export, or the whole module (`import x = require()`). */
export type ImportKind = { kind: 'default' } | { kind: 'named'; name: string; typeOnly?: boolean } | { kind: 'require' };

interface Binding {
  specifier: string;
  what: ImportKind;
}

/**
 * The imports of one generated module, with unique local names. Names that copied source text
 * relies on (`config` in `session({ secret: config.secret })`) are bound exactly; names cleave
 * chooses are made unique around them.
 */
export class ImportSet {
  private readonly locals = new Map<string, Binding>();
  private readonly reserved = new Set<string>();

  /** Keeps names the module declares itself (`app`, `handler`) away from imports. */
  reserve(...names: string[]): void {
    for (const name of names) this.reserved.add(name);
  }

  /** Binds `local` exactly; false when it is already bound to something else (the caller falls back). */
  bindExact(local: string, specifier: string, what: ImportKind): boolean {
    const existing = this.locals.get(local);
    if (existing) return sameBinding(existing, { specifier, what });
    if (this.reserved.has(local)) return false;
    this.locals.set(local, { specifier, what });
    return true;
  }

  /** Whether `local` is free for an exact binding. */
  canBind(local: string, specifier: string, what: ImportKind): boolean {
    const existing = this.locals.get(local);
    return existing ? sameBinding(existing, { specifier, what }) : !this.reserved.has(local);
  }

  /** A fresh module-level name for a declaration of the generated module (`app`, `app2`, ...). */
  fresh(preferred: string): string {
    const base = identifier(preferred);
    let local = base;
    for (let n = 2; this.locals.has(local) || this.reserved.has(local); n++) local = `${base}${n}`;
    this.reserved.add(local);
    return local;
  }

  /** The local name of an existing import of `specifier` of one of these kinds, if any. */
  existing(specifier: string, kinds: Array<ImportKind['kind']>): string | undefined {
    for (const [local, binding] of this.locals) if (binding.specifier === specifier && kinds.includes(binding.what.kind)) return local;
    return undefined;
  }

  /** A local name for an import, reusing an existing binding of the same thing. */
  add(specifier: string, what: ImportKind, preferred: string): string {
    for (const [local, binding] of this.locals) if (sameBinding(binding, { specifier, what })) return local;
    const base = identifier(preferred);
    let local = base;
    for (let n = 2; this.locals.has(local) || this.reserved.has(local); n++) local = `${base}${n}`;
    this.locals.set(local, { specifier, what });
    return local;
  }

  /** Import declarations (one per specifier), sorted by specifier; `require` imports are returned apart. */
  declarations(): { imports: OptionalKind<ImportDeclarationStructure>[]; requires: Array<{ local: string; specifier: string }> } {
    const bySpecifier = new Map<string, { defaultImport?: string; named: Array<{ name: string; alias?: string; isTypeOnly?: boolean }> }>();
    const requires: Array<{ local: string; specifier: string }> = [];
    for (const [local, { specifier, what }] of this.locals) {
      if (what.kind === 'require') {
        requires.push({ local, specifier });
        continue;
      }
      const entry = bySpecifier.get(specifier) ?? { named: [] };
      bySpecifier.set(specifier, entry);
      if (what.kind === 'default' && !entry.defaultImport) entry.defaultImport = local;
      else if (what.kind === 'default') entry.named.push({ name: 'default', alias: local });
      else entry.named.push({ name: what.name, ...(what.name === local ? {} : { alias: local }), ...(what.typeOnly ? { isTypeOnly: true } : {}) });
    }
    const imports = [...bySpecifier.entries()]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([moduleSpecifier, e]) => ({
        moduleSpecifier,
        ...(e.defaultImport ? { defaultImport: e.defaultImport } : {}),
        ...(e.named.length > 0 ? { namedImports: e.named.sort((x, y) => (x.alias ?? x.name).localeCompare(y.alias ?? y.name)) } : {}),
      }));
    return { imports, requires: requires.sort((a, b) => a.specifier.localeCompare(b.specifier) || a.local.localeCompare(b.local)) };
  }
}

function sameBinding(a: Binding, b: Binding): boolean {
  if (a.specifier !== b.specifier || a.what.kind !== b.what.kind) return false;
  return a.what.kind !== 'named' || (b.what.kind === 'named' && a.what.name === b.what.name);
}

/** Packages first, then the monolith's modules, then cleave's own runtime. */
function order(specifier: string): number {
  if (!specifier.startsWith('.')) return 0;
  return specifier.includes('_cleave/') ? 2 : 1;
}

/** A valid identifier from any text (`products-reviews` → `productsReviews`). */
export function identifier(text: string): string {
  // Accents dropped first (`ünïcode router` → `unicodeRouter`), as for function ids.
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9_$]+/)
    .filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  const safe = camel || 'value';
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}
