import * as path from 'node:path';
import { type CallExpression, Node, type NewExpression, SyntaxKind } from 'ts-morph';
import { computedRequireFolders } from '../../../model/computed-require-folders';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { findDeclaration } from '../support/scopes';
import { anchorOf, callsIn, newsIn, shortText, stringValue, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const VM_CALLS = ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule'];

/**
 * DYNAMIC_CODE: `eval`, `new Function`, `vm` / vm2 / isolated-vm sandboxes: code compiled at
 * runtime, whose dependencies a bundler cannot see and whose cost lands on cold starts.
 * DYNAMIC_REQUIRE: `require(expr)` / `import(expr)` of a module chosen at runtime, which a
 * bundler cannot include in the function package; `info` when the file names the folder it loads
 * from (beside `__dirname`, its own folder listed, a literal glob), whose modules cleave's bundles carry.
 */
export const detectDynamicCode: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    const nodes: Array<CallExpression | NewExpression> = [...callsIn(sf), ...newsIn(sf)];
    let named: string[] | undefined;
    const namedFolders = () => (named ??= computedRequireFolders(path.relative(ctx.appDir, sf.getFilePath()).split(path.sep).join('/'), sf.getFullText()));
    for (const node of nodes) {
      if (isDynamicCode(node)) {
        sites.push({
          code: 'DYNAMIC_CODE',
          severity: 'warning',
          node,
          message: `\`${shortText(node, 50)}\` compiles code at runtime; a bundler cannot see what that code requires, and compiling on each cold start costs time`,
          advice:
            'replace it with static code where possible; otherwise bundle every module the generated code needs, and give the function enough memory and timeout for the sandbox',
          anchor: anchorOf(node),
        });
      } else if (Node.isCallExpression(node) && isDynamicRequire(node)) {
        const folders = fromDirname(node) ? namedFolders() : [];
        sites.push(
          folders.length > 0
            ? {
                code: 'DYNAMIC_REQUIRE',
                severity: 'info',
                node,
                message: `\`${shortText(node, 50)}\` loads a module chosen at runtime from ${folders.join(', ')}; cleave's bundles carry the modules of ${folders.length === 1 ? 'that folder' : 'those folders'} and answer the require, a plain bundler would not`,
                advice: 'nothing to do for modules in those folders; a module elsewhere fails with "Cannot find module": import it statically',
                anchor: anchorOf(node),
              }
            : {
                code: 'DYNAMIC_REQUIRE',
                severity: 'warning',
                node,
                message: `\`${shortText(node, 50)}\` loads a module chosen at runtime; a bundler (esbuild) cannot include it, so the function fails with "Cannot find module"`,
                advice: 'replace it with static imports (a literal map from names to modules), or copy the folder into the function package explicitly',
                anchor: anchorOf(node),
              },
        );
      }
    }
  }
  return sites.sort((a, b) => a.node.getStart() - b.node.getStart());
};

function isDynamicCode(node: CallExpression | NewExpression): boolean {
  const callee = unwrap(node.getExpression());
  if (Node.isIdentifier(callee) && (callee.getText() === 'eval' || callee.getText() === 'Function')) return !findDeclaration(callee);
  if (isFrom(callee, 'vm', ...VM_CALLS)) return true;
  return Node.isNewExpression(node) && (isFrom(callee, 'vm2', 'VM', 'NodeVM') || isFrom(callee, 'isolated-vm', 'Isolate'));
}

/** Whether the require's path is built from `__dirname`, in the call or in a variable it names (`const models = join(__dirname, 'models')`). */
function fromDirname(call: CallExpression): boolean {
  const arg = call.getArguments()[0];
  if (!arg) return false;
  if (arg.getText().includes('__dirname')) return true;
  return arg.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => {
    const declaration = findDeclaration(id);
    return !!declaration && Node.isVariableDeclaration(declaration) && (declaration.getInitializer()?.getText().includes('__dirname') ?? false);
  });
}

function isDynamicRequire(call: CallExpression): boolean {
  const callee = call.getExpression();
  const isRequire = Node.isIdentifier(callee) && callee.getText() === 'require' && !findDeclaration(callee);
  if (!isRequire && callee.getKind() !== SyntaxKind.ImportKeyword) return false;
  const arg = call.getArguments()[0];
  return !!arg && stringValue(arg) === undefined;
}
