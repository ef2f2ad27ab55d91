import * as path from 'node:path';
import { type CallExpression, type Node, Project } from 'ts-morph';
import { DiagnosticSink } from '../../analyzer/diagnostics';
import { ModuleResolver } from '../../analyzer/load/module-resolver';
import type { Argument, EvalContext, Evaluator, EvaluatorHost } from '../../analyzer/routes/evaluator/evaluator';
import { Interpreter } from '../../analyzer/routes/evaluator/interpreter';
import { ModuleLoader } from '../../analyzer/routes/evaluator/module-loader';
import { type LibValue, type Value, toStringValue } from '../../analyzer/routes/evaluator/values';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'routes', 'evaluator-without-express');

/** A host that knows one thing: `bus.on(topic, fn)` subscribes to `topic`. Everything else is plain JavaScript. */
class BusHost implements EvaluatorHost {
  readonly subscriptions: Array<{ topic: string | undefined; conditions: string[] }> = [];
  readonly packageCalls: string[] = [];
  packageValue(): Value | undefined {
    return undefined;
  }
  call(): Value | undefined {
    return undefined;
  }
  callPackage(_ev: Evaluator, callee: LibValue, args: Value[], _result: LibValue, ctx: EvalContext): Value | undefined {
    this.packageCalls.push(`${callee.pkg}:${callee.path.join('.')}`);
    if (callee.pkg === 'events' && callee.path.join('.') === 'on')
      this.subscriptions.push({ topic: args[0] && toStringValue(args[0]), conditions: ctx.conditions });
    return undefined;
  }
  construct(): Value | undefined {
    return undefined;
  }
  methodCall(_ev: Evaluator, _target: Value, _name: string, _args: Argument[], _node: CallExpression): Value | undefined {
    return undefined;
  }
  member(_ev: Evaluator, _target: Value, _name: string, _node: Node): Value | undefined {
    return undefined;
  }
  assign(): boolean {
    return false;
  }
  typeOf(): string | undefined {
    return undefined;
  }
  producedBy(): Value | undefined {
    return undefined;
  }
}

// The route evaluator is an interpreter of JavaScript that knows no Express: the Express model is
// its host (analyzer/routes/express/express-model.ts). Run with another host, it evaluates the same
// way (constants, maps, loops, function calls, guards) and asks that host what packages do.
describe('the route evaluator with a host other than Express', () => {
  const file = path.join(FIXTURE, 'main.js');
  const project = new Project({ compilerOptions: { allowJs: true }, skipAddingFilesFromTsConfig: true });
  const source = project.addSourceFileAtPath(file);
  const host = new BusHost();
  const loader = new ModuleLoader(new Map([[file, source]]), new ModuleResolver(FIXTURE, { allowJs: true }), () => undefined);
  new Interpreter(FIXTURE, new DiagnosticSink(FIXTURE), loader, host).runEntry(file);

  it('hands the host the values the JavaScript computes, with the guards around each call', () => {
    expect(host.subscriptions).toEqual([
      { topic: '/orders/audit', conditions: ['process.env.WITH_AUDIT'] },
      { topic: '/orders/created', conditions: [] },
      { topic: '/orders/paid', conditions: [] },
    ]);
  });

  it('gives express no meaning of its own: express() and app.get are opaque calls of a package', () => {
    expect(host.packageCalls.filter((c) => c.startsWith('express'))).toEqual(['express:', 'express:().get']);
  });
});
