import * as fs from 'node:fs';
import * as path from 'node:path';
import { Node, type SourceFile, type Statement } from 'ts-morph';
import { leadsOutsideThroughLink } from '../../load/app-boundary';
import type { ModuleResolver } from '../../load/module-resolver';
import { moduleCandidates } from '../../../model/module-paths';
import { packageValue } from './builtins';
import type { EvalContext, Evaluator } from './evaluator';
import { Scope } from './scope';
import { compact } from './text';
import { type ObjectValue, UNDEFINED, type Value, fromJson, object, unknown } from './values';

/** One evaluated module, as Node's module cache holds it. */
interface ModuleRecord {
  /** The `module` object; `module.exports` is its `exports` property. */
  module: ObjectValue;
  /** Whether the file uses ES module syntax (its default export is `exports.default`). */
  esm: boolean;
}

/**
 * Loads modules for the interpreter the way Node does: each file is evaluated once, on first
 * `require` or import, and a cycle sees the partial exports of the module being loaded.
 */
export class ModuleLoader {
  private readonly records = new Map<string, ModuleRecord>();

  /**
   * @param files parsed source files by absolute path
   * @param resolver specifier resolution
   * @param addFile parses a file outside the initial scan, if it is readable source
   * @param broken files that do not parse: loading one gives an unknown value
   */
  constructor(
    private readonly files: Map<string, SourceFile>,
    private readonly resolver: ModuleResolver,
    private readonly addFile: (file: string) => SourceFile | undefined,
    private readonly broken: Set<string> = new Set(),
  ) {}

  /** `require(specifier)` from the file of `fromNode`. */
  load(ev: Evaluator, specifier: string, fromNode: Node): Value {
    const from = fromNode.getSourceFile().getFilePath();
    const resolution = this.resolver.resolve(specifier, from);
    switch (resolution.kind) {
      case 'builtin':
      case 'package':
        return ev.host.packageValue(resolution.name, specifier, fromNode) ?? packageValue(resolution.name, specifier, ev, fromNode);
      case 'missing':
        if (resolution.throughLink) return outsideLink(ev, specifier, fromNode);
        ev.diagnostics.atNode(
          'UNRESOLVED_IMPORT',
          'warning',
          fromNode,
          `cannot resolve '${specifier}'`,
          'check the path; routes registered by that module are missing',
        );
        return unknown(`require('${specifier}')`, fromNode);
      case 'file':
        return this.loadResolved(ev, resolution.path, fromNode);
    }
  }

  /** Loads a module by absolute path: JSON is parsed, source is evaluated once. */
  loadResolved(ev: Evaluator, file: string, fromNode: Node): Value {
    const resolved = this.files.has(file) ? file : this.probe(file);
    if (!resolved) {
      ev.diagnostics.atNode(
        'UNRESOLVED_IMPORT',
        'warning',
        fromNode,
        `cannot resolve '${path.relative(ev.appDir, file)}'`,
        'check the path; routes registered by that module are missing',
      );
      return unknown(compact(fromNode.getText()), fromNode);
    }
    if (leadsOutsideThroughLink(ev.appDir, resolved)) return outsideLink(ev, path.relative(ev.appDir, file), fromNode);
    if (resolved.endsWith('.json')) return readJson(resolved) ?? unknown(compact(fromNode.getText()), fromNode);
    return this.loadFile(ev, resolved);
  }

  /** Evaluates a source file (once) and returns its `module.exports`. */
  loadFile(ev: Evaluator, file: string): Value {
    const existing = this.records.get(file);
    if (existing) return exportsOf(existing);
    if (this.broken.has(file)) return unknown(`exports of ${path.basename(file)} (syntax error)`);
    const sourceFile = this.files.get(file) ?? this.addFile(file);
    if (!sourceFile) return UNDEFINED;
    const exportsObject = object();
    const record: ModuleRecord = { module: object([['exports', exportsObject]]), esm: isEsm(sourceFile) };
    this.records.set(file, record);
    const scope = new Scope();
    scope.declare('module', record.module);
    scope.declare('exports', exportsObject);
    const moduleCtx: EvalContext = { conditions: [], stack: [] };
    const statements = sourceFile.getStatements();
    this.bindImports(ev, statements, scope, moduleCtx);
    this.reExports(ev, record, statements, moduleCtx);
    ev.execute(statements, scope, moduleCtx);
    this.collectExports(ev, record, statements, scope, moduleCtx);
    return exportsOf(record);
  }

  /**
   * The value `import x from` binds: `exports.default` of an ES module, the whole
   * `module.exports` of a CommonJS one (esModuleInterop semantics).
   */
  private defaultOf(value: Value, file: string | undefined): Value {
    const record = file ? this.records.get(file) : undefined;
    if (value.kind === 'object' && value.props.has('default')) return value.props.get('default') ?? UNDEFINED;
    return record?.esm && value.kind === 'object' ? UNDEFINED : value;
  }

  private bindImports(ev: Evaluator, statements: Statement[], scope: Scope, ctx: EvalContext): void {
    for (const decl of statements.filter(Node.isImportDeclaration)) {
      if (decl.isTypeOnly()) continue;
      const specifier = decl.getModuleSpecifierValue();
      const target = this.resolver.resolve(specifier, decl.getSourceFile().getFilePath());
      const file = target.kind === 'file' ? target.path : undefined;
      const value = ev.load(specifier, decl, ctx);
      const defaultImport = decl.getDefaultImport();
      if (defaultImport) scope.declareLazy(defaultImport.getText(), () => this.defaultOf(this.current(file, value), file));
      const namespace = decl.getNamespaceImport();
      if (namespace) scope.declareLazy(namespace.getText(), () => this.current(file, value));
      for (const named of decl.getNamedImports()) {
        if (named.isTypeOnly()) continue;
        const name = named.getName();
        const local = named.getAliasNode()?.getText() ?? name;
        scope.declareLazy(local, () => {
          const exportsValue = this.current(file, value);
          if (name === 'default') return this.defaultOf(exportsValue, file);
          return ev.member(exportsValue, name, named);
        });
      }
    }
  }

  /** The module's exports now (a cycle may have filled them in since the import ran). */
  private current(file: string | undefined, fallback: Value): Value {
    const record = file ? this.records.get(file) : undefined;
    return record ? exportsOf(record) : fallback;
  }

  private reExports(ev: Evaluator, record: ModuleRecord, statements: Statement[], ctx: EvalContext): void {
    const exportsObject = exportsOf(record);
    if (exportsObject.kind !== 'object') return;
    for (const decl of statements.filter(Node.isExportDeclaration)) {
      const specifier = decl.getModuleSpecifierValue();
      if (!specifier || decl.isTypeOnly()) continue;
      const target = ev.load(specifier, decl, ctx);
      const resolution = this.resolver.resolve(specifier, decl.getSourceFile().getFilePath());
      const file = resolution.kind === 'file' ? resolution.path : undefined;
      const namedExports = decl.getNamedExports();
      if (namedExports.length === 0) {
        if (target.kind === 'object') for (const [k, v] of target.props) if (k !== 'default') exportsObject.props.set(k, v);
        const ns = decl.getNamespaceExport();
        if (ns) exportsObject.props.set(ns.getName(), target);
        continue;
      }
      for (const named of namedExports) {
        const name = named.getName();
        const value = name === 'default' ? this.defaultOf(target, file) : ev.member(target, name, named);
        exportsObject.props.set(named.getAliasNode()?.getText() ?? name, value);
      }
    }
  }

  private collectExports(ev: Evaluator, record: ModuleRecord, statements: Statement[], scope: Scope, ctx: EvalContext): void {
    for (const statement of statements) {
      if (Node.isExportAssignment(statement)) {
        const value = ev.evaluate(statement.getExpression(), scope, ctx);
        if (statement.isExportEquals()) record.module.props.set('exports', value);
        else setExport(record, 'default', value);
      } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
        for (const named of statement.getNamedExports()) {
          const local = named.getName();
          setExport(record, named.getAliasNode()?.getText() ?? local, scope.lookup(local) ?? UNDEFINED);
        }
      } else if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
        for (const decl of statement.getDeclarations()) {
          for (const name of declaredNames(decl.getNameNode())) setExport(record, name, scope.lookup(name) ?? UNDEFINED);
        }
      } else if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.hasExportKeyword()) {
        const name = statement.getName();
        const value = name
          ? scope.lookup(name)
          : Node.isFunctionDeclaration(statement)
            ? { kind: 'function' as const, node: statement, scope }
            : { kind: 'class' as const, node: statement, scope, statics: new Map() };
        // hasDefaultKeyword, not isDefaultExport: the latter asks the type checker, which builds a whole
        // Program (and loads @types) the first time; `export { f as default }` is handled above.
        setExport(record, statement.hasDefaultKeyword() ? 'default' : (name ?? 'default'), value ?? UNDEFINED);
      }
    }
  }

  private probe(file: string): string | undefined {
    for (const candidate of moduleCandidates(file, path.join, true)) {
      if (this.files.has(candidate)) return candidate;
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  }
}

/** A module reached through a symbolic link that leads outside the app folder: not read, its exports unknown. */
function outsideLink(ev: Evaluator, specifier: string, fromNode: Node): Value {
  ev.diagnostics.atNode(
    'SYMLINK_OUTSIDE_APP',
    'warning',
    fromNode,
    `'${specifier}' leads outside the app folder through a symbolic link: not followed, nothing there is read`,
    'copy what the app needs into its folder, or install it as a package; routes registered there are missing',
  );
  return unknown(compact(fromNode.getText()), fromNode);
}

function exportsOf(record: ModuleRecord): Value {
  return record.module.props.get('exports') ?? UNDEFINED;
}

function setExport(record: ModuleRecord, name: string, value: Value): void {
  const exportsValue = exportsOf(record);
  if (exportsValue.kind === 'object') exportsValue.props.set(name, value);
}

function declaredNames(name: Node): string[] {
  if (Node.isIdentifier(name)) return [name.getText()];
  return name
    .getDescendants()
    .filter(Node.isBindingElement)
    .map((e) => e.getName());
}

/** Whether a file exports with ES syntax (imports alone do not make `module.exports = x` an ES module). */
function isEsm(sourceFile: SourceFile): boolean {
  return sourceFile
    .getStatements()
    .some(
      (s) =>
        Node.isExportDeclaration(s) ||
        (Node.isExportAssignment(s) && !s.isExportEquals()) ||
        ((Node.isVariableStatement(s) || Node.isFunctionDeclaration(s) || Node.isClassDeclaration(s)) && s.hasExportKeyword()),
    );
}

function readJson(file: string): Value | undefined {
  try {
    return fromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}
