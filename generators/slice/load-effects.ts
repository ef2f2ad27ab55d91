import { ts } from 'ts-morph';
import { parseSource } from './module-specifiers';
import { literalRequire } from './syntax';

/**
 * Whether an app module does something when it loads, beyond declaring and exporting: a top-level
 * statement that calls or assigns (`passport.serializeUser(...)`, `passport.use(new
 * LocalStrategy(...))`, `mongoose.model('User', schema)`, `mongoose.Promise = global.Promise`,
 * `require('dotenv').config()`), also inside a top-level `if`, `try` or block. Assignments to
 * `module.exports`/`exports` and the `__esModule` marker TypeScript emits are exports, not
 * effects; so are side-effect imports (`import '../config/passport'` in a controller): the module
 * they load counts for itself where a registering module imports it. A registering module that
 * imports such a module only for names its dropped registrations used still needs it loaded (see
 * `sliceSource`). Pure.
 */
export function runsAtLoad(fileName: string, text: string): boolean {
  return parseSource(fileName, text).statements.some(effectful);
}

function effectful(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement))
    return !ts.isStringLiteral(statement.expression) && !isExport(statement.expression) && literalRequire(statement.expression) === undefined;
  if (ts.isIfStatement(statement)) return effectful(statement.thenStatement) || (statement.elseStatement !== undefined && effectful(statement.elseStatement));
  if (ts.isBlock(statement)) return statement.statements.some(effectful);
  if (ts.isTryStatement(statement)) return statement.tryBlock.statements.some(effectful);
  return false;
}

/** `module.exports = ...`, `exports.x = exports.y = void 0`, `Object.defineProperty(exports, '__esModule', ...)`. */
function isExport(expression: ts.Expression): boolean {
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return /^(?:module\.exports|exports)\b/.test(expression.left.getText());
  }
  return (
    ts.isCallExpression(expression) &&
    expression.expression.getText() === 'Object.defineProperty' &&
    expression.arguments[0] !== undefined &&
    /^(?:module\.exports|exports)$/.test(expression.arguments[0].getText())
  );
}
