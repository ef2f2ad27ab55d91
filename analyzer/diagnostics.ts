import * as path from 'node:path';
import type { Node } from 'ts-morph';
import type { Diagnostic, Severity } from '../model/analysis';
import type { DiagnosticCode } from './codes';
import { lineAndColumnAt } from './positions';

/** Collects diagnostics, one per code and place, with paths relative to the app dir. */
export class DiagnosticSink {
  private readonly items = new Map<string, Diagnostic>();

  /** @param appDir absolute app dir that diagnostic paths are made relative to */
  constructor(private readonly appDir: string) {}

  /** Adds a diagnostic at a node. */
  atNode(code: DiagnosticCode, severity: Severity, node: Node, message: string, advice?: string): void {
    const sourceFile = node.getSourceFile();
    const { line, column } = lineAndColumnAt(sourceFile, node.getStart());
    this.add({ code, severity, file: this.relative(sourceFile.getFilePath()), line, column, message, advice });
  }

  /** Adds a diagnostic at a file (absolute path) and line. */
  atFile(code: DiagnosticCode, severity: Severity, file: string, line: number, message: string, advice?: string): void {
    this.add({ code, severity, file: file ? this.relative(file) : '', line, message, advice });
  }

  /** Adds a finished diagnostic. */
  add(diagnostic: Diagnostic): void {
    const key = `${diagnostic.code}|${diagnostic.file}|${diagnostic.line}|${diagnostic.message}`;
    if (!this.items.has(key)) this.items.set(key, stripUndefined(diagnostic));
  }

  /** All diagnostics, sorted by file, line and code. */
  list(): Diagnostic[] {
    return [...this.items.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
  }

  private relative(file: string): string {
    return path.relative(this.appDir, file).split(path.sep).join('/');
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
