import type { SourceImport } from '../../model/analysis';
import { appFile, relativeSpecifier } from '../layout';
import { identifier, type ImportSet } from './import-set';
import { str } from './source-file';

/** Where the generated module sits and where the app is, for import specifiers. */
export interface ModuleSite {
  /** The generated file, relative to the output folder. */
  file: string;
  /** The app dir relative to the output folder. */
  appDir: string;
  /** App files imported through a sliced copy, and the folder of the copies (relative to the output folder). */
  slices?: { copies: ReadonlySet<string>; root: string };
}

/** The import specifier of an app file from the generated module: its sliced copy when there is one. */
export function appSpecifier(site: ModuleSite, file: string): string {
  if (site.slices?.copies.has(file)) return relativeSpecifier(site.file, `${site.slices.root}/${file}`);
  return relativeSpecifier(site.file, appFile(site.appDir, file));
}

/**
 * An expression reaching an export of an app file (see SourceRef.export): `default`, a name,
 * `*` (the whole module, as `import x = require()`), then `.member`s. Adds the import it needs.
 */
export function exportExpression(imports: ImportSet, site: ModuleSite, file: string, exportPath: string, preferred: string): string {
  const [head, ...members] = exportPath.split('.');
  const specifier = appSpecifier(site, file);
  let local: string;
  if (head === 'default') local = imports.add(specifier, { kind: 'default' }, preferred);
  else if (head === '*') local = imports.add(specifier, { kind: 'require' }, preferred);
  else local = imports.add(specifier, { kind: 'named', name: head! }, head!);
  return [local, ...members].join('.');
}

/**
 * `exportExpression` as a `require()` evaluated where it is written, not hoisted: for code that
 * must run after other modules loaded (the app of a server entry the handler has just run).
 */
export function lazyExportExpression(site: ModuleSite, file: string, exportPath: string): string {
  const [head, ...members] = exportPath.split('.');
  const loaded = `require(${str(appSpecifier(site, file))})`;
  const base = head === 'default' ? `(${loaded}.default ?? ${loaded})` : head === '*' ? loaded : `${loaded}.${head}`;
  return [base, ...members].join('.');
}

/** A name for what a module exports by default: its file name (`routes/products.ts` → `products`, `admin/index.js` → `admin`). */
export function moduleName(file: string): string {
  const parts = file.replace(/\.[cm]?[jt]sx?$/, '').split('/');
  const last = parts.pop() ?? 'module';
  return identifier(last === 'index' ? (parts.pop() ?? 'app') : last);
}

/**
 * Binds the names a copied middleware source uses, exactly as its file bound them. False (and
 * nothing bound) when one of them is taken by something else in this module.
 */
export function bindSourceImports(imports: ImportSet, site: ModuleSite, needed: SourceImport[]): boolean {
  const bindings = needed.map((n) => {
    const specifier = n.file !== undefined ? appSpecifier(site, n.file) : n.package!;
    const what =
      n.imported === 'default'
        ? ({ kind: 'default' } as const)
        : n.imported === '*'
          ? ({ kind: 'require' } as const)
          : ({ kind: 'named', name: n.imported } as const);
    return { local: n.local, specifier, what };
  });
  if (!bindings.every((b) => imports.canBind(b.local, b.specifier, b.what))) return false;
  for (const b of bindings) imports.bindExact(b.local, b.specifier, b.what);
  return true;
}
