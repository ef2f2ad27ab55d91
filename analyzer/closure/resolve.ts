import * as path from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import type { ModuleResolver } from '../load/module-resolver';
import { type Binding, type ExportTarget, fileIndex, requireOf } from './file-index';
import { unwrap } from '../load/unwrap';
import { type Unit, unit } from './units';

/** What resolving a reference found: units to visit, npm packages and files touched. */
export interface Resolved {
  /** Units the reference reaches. */
  units: Unit[];
  /** npm packages it comes from. */
  packages: string[];
  /** Files it loads (absolute). */
  files: string[];
}

const MAX_HOPS = 12;

/**
 * Resolves module-level names and exports to declaration units, across files, without the type
 * checker: imports through the app's module resolution, CommonJS `module.exports` shapes, re-exports.
 */
export class DeclarationResolver {
  /**
   * @param files parsed source files by absolute path
   * @param resolver specifier resolution
   */
  constructor(
    private readonly files: Map<string, SourceFile>,
    private readonly resolver: ModuleResolver,
  ) {}

  /** Resolves a module-level binding of `sourceFile`, optionally narrowed to one member. */
  binding(binding: Binding, sourceFile: SourceFile, member: string | undefined, out: Resolved, hops = 0): void {
    if (binding.kind === 'declaration') {
      out.units.push(memberUnit(binding.node, member));
      return;
    }
    this.importBinding(binding.specifier, binding.name, sourceFile, member, out, hops);
  }

  /** A side-effect import (`import './db'`): the package or file it loads. */
  sideEffectImport(specifier: string, from: SourceFile, out: Resolved): void {
    const resolution = this.resolver.resolve(specifier, from.getFilePath());
    if (resolution.kind === 'package') out.packages.push(resolution.name);
    else if (resolution.kind === 'file') out.files.push(resolution.path);
  }

  /**
   * An inline `require('x')` (or `require('x').y`) in code: what it loads, narrowed to `member`
   * when the code reads one property of it.
   */
  required(node: Node, from: SourceFile, member: string | undefined, out: Resolved, hops = 0): boolean {
    const required = requireOf(node);
    if (!required) return false;
    this.importBinding(required.specifier, required.property ?? '*', from, required.property === undefined ? member : undefined, out, hops + 1);
    return true;
  }

  /**
   * The modules a computed `require('./drivers/' + name)` may load: every code file of that
   * folder, whole (which one is a run-time choice).
   */
  folderModules(folder: string, from: SourceFile, out: Resolved): void {
    const dir = path.resolve(path.dirname(from.getFilePath()), folder);
    for (const [file, source] of [...this.files].sort(([a], [b]) => a.localeCompare(b))) {
      if (path.dirname(file) !== dir || file === from.getFilePath()) continue;
      out.files.push(file);
      out.units.push(unit(source, '#exports'));
    }
  }

  private importBinding(specifier: string, name: string, from: SourceFile, member: string | undefined, out: Resolved, hops: number): void {
    const resolution = this.resolver.resolve(specifier, from.getFilePath());
    if (resolution.kind === 'package') {
      out.packages.push(resolution.name);
      return;
    }
    if (resolution.kind !== 'file') return;
    out.files.push(resolution.path);
    const target = this.files.get(resolution.path);
    if (!target || hops > MAX_HOPS) return;
    if (name === '*') {
      if (member === undefined) out.units.push(unit(target, '#exports'));
      else if (!this.exported(target, member, undefined, out, hops + 1)) this.exported(target, '=', member, out, hops + 1);
      return;
    }
    if (name === 'default') {
      if (!this.exported(target, 'default', member, out, hops + 1)) this.exported(target, '=', member, out, hops + 1);
      return;
    }
    if (!this.exported(target, name, member, out, hops + 1)) this.exported(target, '=', name, out, hops + 1);
  }

  /** Resolves an export of a file; false when the file has no such export. */
  exported(target: SourceFile, name: string, member: string | undefined, out: Resolved, hops: number): boolean {
    const index = fileIndex(target);
    const found = index.exports.get(name);
    if (found) {
      this.exportTarget(found, target, member, out, hops);
      return true;
    }
    if (name === '=' || name === 'default') return false;
    for (const star of index.starExports) {
      const before = out.units.length;
      this.importBinding(star.specifier, name, target, member, out, hops + 1);
      if (out.units.length > before) return true;
    }
    return false;
  }

  /** Every export of a file (a namespace used as a whole). */
  allExports(target: SourceFile, out: Resolved, hops = 0): void {
    const index = fileIndex(target);
    for (const found of index.exports.values()) this.exportTarget(found, target, undefined, out, hops + 1);
    for (const star of index.starExports) this.importBinding(star.specifier, '*', target, undefined, out, hops + 1);
  }

  private exportTarget(found: ExportTarget, file: SourceFile, member: string | undefined, out: Resolved, hops: number): void {
    if (found.kind === 'reexport') {
      this.importBinding(found.specifier, found.name, file, member, out, hops + 1);
      return;
    }
    if (found.kind === 'local') {
      const binding = fileIndex(file).bindings.get(found.name);
      if (binding) this.binding(binding, file, member, out, hops + 1);
      return;
    }
    const node = unwrap(found.node) ?? found.node;
    // A CommonJS barrel: `module.exports.users = require('./users')`, `exports.x = require('./x').y`.
    if (this.required(node, file, member, out, hops)) return;
    if (Node.isIdentifier(node)) {
      const binding = fileIndex(file).bindings.get(node.getText());
      if (binding) this.binding(binding, file, member, out, hops + 1);
      return;
    }
    if (Node.isObjectLiteralExpression(node) && member) {
      const property = node.getProperty(member);
      if (property) {
        if (Node.isShorthandPropertyAssignment(property)) {
          const binding = fileIndex(file).bindings.get(member);
          if (binding) this.binding(binding, file, undefined, out, hops + 1);
        } else if (!(Node.isPropertyAssignment(property) && this.required(unwrap(property.getInitializer()) ?? property, file, undefined, out, hops))) {
          out.units.push(unit(property));
        }
        return;
      }
      // `module.exports = { ...require('./a') }`: the member comes from a spread module.
      const before = out.units.length;
      for (const spread of node.getProperties().filter(Node.isSpreadAssignment)) {
        const required = requireOf(unwrap(spread.getExpression()));
        if (required && !required.property) this.importBinding(required.specifier, member, file, undefined, out, hops + 1);
        if (out.units.length > before) return;
      }
    }
    out.units.push(memberUnit(node, member));
  }
}

/** The unit of a declaration, narrowed to a member where the declaration's shape allows it. */
export function memberUnit(node: Node, member: string | undefined): Unit {
  if (member === undefined) return unit(node);
  if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) return unit(node, member);
  if (Node.isVariableDeclaration(node)) {
    const init = unwrap(node.getInitializer());
    if (init && (Node.isObjectLiteralExpression(init) || Node.isNewExpression(init))) return unit(node, member);
  }
  return unit(node);
}
