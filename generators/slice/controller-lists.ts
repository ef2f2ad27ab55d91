import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { ControllerList } from './slice-sites';
import type { TextEdit } from './text-edits';
import { lineOf } from './syntax';

/** routing-controllers' calls that register controller classes, by the argument holding their options. */
const REGISTERING_CALLS: Readonly<Record<string, number>> = { useExpressServer: 1, createExpressServer: 0 };

/** The rewritten `controllers` lists of a file: the edits, and the list expressions they replace (whose names no longer count as used). */
export interface ControllerListEdits {
  /** One edit per rewritten list. */
  edits: TextEdit[];
  /** The monolith's list expressions, now gone. */
  replaced: ts.Node[];
}

/**
 * Rewrites the `controllers` option of each call `lists` names (routing-controllers'
 * `useExpressServer(app, { controllers: [...] })`, `createExpressServer({ controllers })`) to
 * the classes a function needs, each required by a path relative to `fileName`
 * (`require("./controllers/UserController").UserController`), which the copy's specifier
 * rewriting then points at the monolith's file. The monolith's list, classes or file globs, goes:
 * the bundler carries only the required classes, where a glob would match no file beside the
 * bundle. The list keeps its line breaks, so line numbers stay. A call whose options are not an
 * object literal with a `controllers` property is left as it is. Pure.
 */
export function controllerListEdits(source: ts.SourceFile, fileName: string, lists: readonly ControllerList[]): ControllerListEdits {
  const out: ControllerListEdits = { edits: [], replaced: [] };
  if (lists.length === 0) return out;
  const byLine = new Map(lists.map((l) => [l.line, l]));
  const visit = (node: ts.Node): void => {
    const list = ts.isCallExpression(node) ? byLine.get(lineOf(source, node.getStart(source))) : undefined;
    const property = list && ts.isCallExpression(node) ? controllersProperty(node) : undefined;
    if (list && property) {
      const old = property.initializer;
      const breaks = source.text.slice(old.getStart(source), old.getEnd()).replace(/[^\n]/g, '');
      const required = list.classes.map((c) => `require(${JSON.stringify(specifier(fileName, c.file))}).${c.export}`);
      out.edits.push({ start: old.getStart(source), end: old.getEnd(), text: `[${required.join(', ')}${breaks}]` });
      out.replaced.push(old);
      byLine.delete(lineOf(source, node.getStart(source)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The `controllers: ...` property of a registering call's options object literal. */
function controllersProperty(call: ts.CallExpression): ts.PropertyAssignment | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const at = name !== undefined && Object.hasOwn(REGISTERING_CALLS, name) ? REGISTERING_CALLS[name]! : undefined;
  const options = at === undefined ? undefined : call.arguments[at];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  return options.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === 'controllers',
  );
}

/** `file` (app-relative) as a relative specifier from `fromFile`, without its code extension. */
function specifier(fromFile: string, file: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), file.replace(/\.(?:[cm]?[jt]sx?)$/, ''));
  return relative.startsWith('.') ? relative : `./${relative}`;
}
