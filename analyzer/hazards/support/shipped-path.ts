import { Node } from 'ts-morph';
import { isFrom } from './imports';
import { findDeclaration } from './scopes';
import { callsIn, stringValue, unwrap } from './syntax';

const PATH_MODULES = ['path', 'path/posix', 'upath'];
const MAX_DEPTH = 6;

/**
 * Whether a file path expression names a file shipped with the code: anchored at `__dirname`
 * (or `__filename`) and extended only by string literals, through `path.join`/`path.resolve`,
 * `+`, template literals and `const`s initialised that way (`const VIEWS = path.join(__dirname,
 * 'views')`). Such a file is part of the deployment, not one a request wrote. A part that comes
 * from a request, a parameter or config, a bare relative literal (resolved against the working
 * folder) or an absolute literal after the anchor makes the answer false. Two indirections a
 * seed or template loader uses are followed: a deployment setting with a shipped default
 * (`process.env.SEED_FILE || path.join(__dirname, 'seed.json')`: the operator names the file, no
 * request writes it), and a parameter of a function whose every call in the app passes a
 * shipped path (`function load(file) { fs.readFileSync(file) } load(SEED_FILE)`).
 */
export function isShippedPath(node: Node | undefined, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const n = unwrap(node);
  if (Node.isIdentifier(n)) {
    if (n.getText() === '__dirname' || n.getText() === '__filename') return true;
    const decl = findDeclaration(n);
    if (decl && Node.isParameterDeclaration(decl)) return everyCallPassesShipped(decl, depth);
    return !!decl && Node.isVariableDeclaration(decl) && isConst(decl) && isShippedPath(decl.getInitializer(), depth + 1);
  }
  if (Node.isBinaryExpression(n) && ['||', '??'].includes(n.getOperatorToken().getText())) {
    return isDeploymentSetting(n.getLeft()) && isShippedPath(n.getRight(), depth + 1);
  }
  if (Node.isBinaryExpression(n)) return n.getOperatorToken().getText() === '+' && isShippedPath(n.getLeft(), depth + 1) && isTail(n.getRight(), depth, false);
  if (Node.isTemplateExpression(n)) {
    const [first, ...rest] = n.getTemplateSpans();
    return (
      n.getHead().getLiteralText() === '' &&
      !!first &&
      isShippedPath(first.getExpression(), depth + 1) &&
      rest.every((span) => isTail(span.getExpression(), depth, false))
    );
  }
  if (Node.isCallExpression(n) && isFrom(n.getExpression(), PATH_MODULES, 'join', 'resolve', 'posix.join', 'posix.resolve')) {
    const [first, ...rest] = n.getArguments();
    const resolves = isFrom(n.getExpression(), PATH_MODULES, 'resolve', 'posix.resolve');
    return isShippedPath(first, depth + 1) && rest.every((a) => isTail(a, depth, resolves));
  }
  return false;
}

/** An OS file (`/proc/self/cgroup`, `/etc/hostname`): every function's machine has its own, no request writes it. */
export function isSystemPath(node: Node | undefined): boolean {
  const literal = node && stringValue(unwrap(node));
  return literal !== undefined && SYSTEM_DIRS.test(literal);
}

const SYSTEM_DIRS = /^\/(?:proc|sys|etc|dev|usr|run\/secrets)\//;

/** `process.env.X` or `process.env['X']`: a value the deployment sets, not a request. */
function isDeploymentSetting(node: Node): boolean {
  const n = unwrap(node);
  if (!Node.isPropertyAccessExpression(n) && !Node.isElementAccessExpression(n)) return false;
  return n.getExpression().getText().replace(/\s/g, '') === 'process.env';
}

/**
 * Whether the function declaring `param` is called, in its file, only with a shipped path in
 * that position, and at least once. Another app file calling a method of that name or importing
 * a binding of that name (the function exported and called with who knows what) makes the answer
 * false; a local function of the same name there does not.
 */
function everyCallPassesShipped(param: Node, depth: number): boolean {
  if (!Node.isParameterDeclaration(param)) return false;
  const fn = param.getParent();
  const name = functionName(fn);
  if (!name || !Node.isFunctionLikeDeclaration(fn)) return false;
  const index = fn.getParameters().indexOf(param);
  const sf = param.getSourceFile();
  const declaration = Node.isFunctionDeclaration(fn) ? fn : fn.getParent();
  const calls = callsIn(sf).filter((call) => {
    const callee = call.getExpression();
    return Node.isIdentifier(callee) && callee.getText() === name && findDeclaration(callee) === declaration;
  });
  if (calls.length === 0 || !calls.every((call) => isShippedPath(call.getArguments()[index], depth + 1))) return false;
  // Another module reaches it as a method of the module (`db.load(x)`) or as an imported binding.
  const calledElsewhere = new RegExp(`\\.${name}\\s*\\(|\\{[^}]*\\b${name}\\b[^}]*\\}\\s*(?:=\\s*require\\b|from\\b)`);
  return !sf
    .getProject()
    .getSourceFiles()
    .some((other) => other !== sf && !other.getFilePath().includes('/node_modules/') && calledElsewhere.test(other.getFullText()));
}

function functionName(fn: Node | undefined): string | undefined {
  if (!fn) return undefined;
  if (Node.isFunctionDeclaration(fn)) return fn.getName();
  const holder = fn.getParent();
  return (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && holder && Node.isVariableDeclaration(holder) ? holder.getName() : undefined;
}

/** A part after the anchor: a literal (for `path.resolve`, one that does not restart the path, like `'/etc'`), or another shipped path. */
function isTail(node: Node, depth: number, restarts: boolean): boolean {
  const literal = stringValue(node);
  if (literal !== undefined) return !restarts || (!literal.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(literal));
  return isShippedPath(node, depth + 1);
}

function isConst(decl: Node): boolean {
  const list = decl.getParent();
  return Node.isVariableDeclarationList(list) && list.getDeclarationKind() === 'const';
}

/**
 * The folder shipped with the code that a path expression names a file in, when the file's name
 * is only known at run time: `path.join(__dirname, 'email-templates', \`${name}.hbs\`)` (a
 * template loader) gives `email-templates`. The anchor and at least one folder after it are
 * shipped (see `isShippedPath`); the parts after them are not literals and do not restart the
 * path. Whatever they name lies in that folder, which the deployment ships, unless the app
 * writes there (the caller checks). `undefined` for any other shape.
 */
export function shippedFolderOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (!Node.isCallExpression(n) || !isFrom(n.getExpression(), PATH_MODULES, 'join', 'resolve', 'posix.join', 'posix.resolve')) return undefined;
  const [first, ...rest] = n.getArguments();
  if (!isShippedPath(first)) return undefined;
  const folders: string[] = [];
  let at = 0;
  for (; at < rest.length; at++) {
    const literal = stringValue(rest[at]!);
    if (literal === undefined) break;
    if (literal.startsWith('/') || /^[A-Za-z]:[\\/]/.test(literal)) return undefined;
    folders.push(literal);
  }
  const folder = folders
    .join('/')
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
  if (at === rest.length || folder === '' || folder.split('/').includes('..')) return undefined;
  // A dynamic part that restarts the path (`'/etc/' + x`) leaves the folder.
  return rest.slice(at).every((a) => !/^\s*['"`]\//.test(a.getText())) ? folder : undefined;
}
