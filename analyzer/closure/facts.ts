import { Node, SyntaxKind } from 'ts-morph';
import { fileIndex } from './file-index';

/** What one scanned node tells about environment variables, config keys and data entities. */
export interface NodeFacts {
  /** Environment variable or config key read here. */
  env?: string;
  /** Data entity touched here. */
  entity?: string;
}

const PRISMA_METHODS = new Set([
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'create',
  'createMany',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
]);
const TABLE_CALLS = new Set(['table', 'from', 'into', 'collection']);
const ENTITY_CLASS_CALLS = new Set(['getRepository', 'getModelForClass', 'getCustomRepository', 'getMongoRepository']);
const QUERY_BUILDERS = /^(knex|db|trx|pg|sql|database|connection)$/i;
const REPOSITORY_CLASS = /(Repository|Repo|Collection|Store|Dao|Model)$/;
const SQL = /^\s*(select\s[\s\S]*\sfrom\s|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s|with\s+\w+\s+as\s*\()/i;
const SQL_TABLE = /\b(?:from|join|into|update)\s+["`[]?([A-Za-z_][\w]*)/gi;

/** Facts of one node (called for every node of a scanned unit). */
export function nodeFacts(node: Node): NodeFacts[] {
  if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)) return envFacts(node);
  if (Node.isCallExpression(node)) return callFacts(node);
  if (Node.isNewExpression(node)) {
    const callee = node.getExpression().getText();
    const typeArg = node.getTypeArguments()[0];
    return REPOSITORY_CLASS.test(callee) && typeArg ? [{ entity: typeArg.getText() }] : [];
  }
  if (Node.isClassDeclaration(node)) return classFacts(node);
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return sqlFacts(node.getLiteralValue());
  if (Node.isTemplateExpression(node)) return sqlFacts(node.getText().slice(1, -1));
  return [];
}

function envFacts(node: Node): NodeFacts[] {
  if (!Node.isPropertyAccessExpression(node) && !Node.isElementAccessExpression(node)) return [];
  if (node.getText().replace(/\s+/g, '') === 'process.env') return [...destructuredEnv(node), ...validatedEnv(node)];
  if (node.getExpression().getText().replace(/\s+/g, '') !== 'process.env') return [];
  if (Node.isPropertyAccessExpression(node)) return [{ env: node.getName() }];
  const arg = node.getArgumentExpression();
  return arg && Node.isStringLiteral(arg) ? [{ env: arg.getLiteralValue() }] : [];
}

/** `const { A, B } = process.env`: the names destructured. */
function destructuredEnv(node: Node): NodeFacts[] {
  const parent = node.getParent();
  if (!parent || !Node.isVariableDeclaration(parent)) return [];
  const name = parent.getNameNode();
  return Node.isObjectBindingPattern(name) ? name.getElements().map((e) => ({ env: e.getPropertyNameNode()?.getText() ?? e.getName() })) : [];
}

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * `process.env` handed whole to a validator: envalid's `cleanEnv(process.env, { A: str() })`,
 * Joi's `Joi.validate(process.env, schema)` or `schema.validate(process.env)`, zod's
 * `schema.parse(process.env)`: the UPPER_SNAKE keys of the schema, written in the call or in the
 * top-level declaration of the schema variable it names.
 */
function validatedEnv(node: Node): NodeFacts[] {
  const call = node.getParent();
  if (!call || !Node.isCallExpression(call) || !call.getArguments().includes(node)) return [];
  const callee = call.getExpression();
  const schemas = [...call.getArguments().filter((a) => a !== node), ...(Node.isPropertyAccessExpression(callee) ? [callee.getExpression()] : [])];
  const names = new Set<string>();
  for (const schema of schemas) {
    const declared = Node.isIdentifier(schema) ? schema.getSourceFile().getVariableDeclaration(schema.getText())?.getInitializer() : undefined;
    for (const where of [schema, ...(declared ? [declared] : [])]) {
      for (const p of where.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) if (ENV_NAME.test(p.getName())) names.add(p.getName());
    }
  }
  return [...names].sort().map((env) => ({ env }));
}

function callFacts(call: import('ts-morph').CallExpression): NodeFacts[] {
  const callee = call.getExpression();
  const first = call.getArguments()[0];
  const literal = first && (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) ? first.getLiteralValue() : undefined;
  const calleeName = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  const owner = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  if ((calleeName === 'model' || calleeName === 'define') && literal) return [{ entity: literal }];
  if (calleeName === 'get' && literal && owner && isEnvVarModule(owner)) return [{ env: literal }];
  if (calleeName === 'get' && literal && owner && /^(config|nconf|convict)$/i.test(owner.getText())) return [{ env: `config:${literal}` }];
  if (TABLE_CALLS.has(calleeName) && literal && owner?.getText() !== 'Array') return [{ entity: literal }];
  if (ENTITY_CLASS_CALLS.has(calleeName) && first && Node.isIdentifier(first)) return [{ entity: first.getText() }];
  if (!owner && literal && QUERY_BUILDERS.test(calleeName)) return [{ entity: literal }];
  if (owner && Node.isPropertyAccessExpression(owner) && PRISMA_METHODS.has(calleeName) && /prisma/i.test(owner.getExpression().getText())) {
    const model = owner.getName();
    return [{ entity: model.charAt(0).toUpperCase() + model.slice(1) }];
  }
  return [];
}

const ENV_VAR = 'env-var';

/** The `env-var` package (`env.get('PORT')`), imported or required under any name, or made by its `from(process.env)`. */
function isEnvVarModule(owner: Node): boolean {
  const target =
    Node.isCallExpression(owner) && Node.isPropertyAccessExpression(owner.getExpression()) && owner.getExpression().getText().endsWith('.from')
      ? (owner.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression()
      : owner;
  if (Node.isCallExpression(target)) return /^require\(\s*['"]env-var['"]\s*\)$/.test(target.getText());
  if (!Node.isIdentifier(target)) return false;
  const binding = fileIndex(target.getSourceFile()).bindings.get(target.getText());
  if (binding?.kind === 'import') return binding.specifier === ENV_VAR;
  if (binding?.kind !== 'declaration' || !Node.isVariableDeclaration(binding.node)) return false;
  const init = binding.node.getInitializer();
  return !!init && /^require\(\s*['"]env-var['"]\s*\)\.from\(/.test(init.getText());
}

function classFacts(cls: import('ts-morph').ClassDeclaration): NodeFacts[] {
  const name = cls.getName();
  if (!name) return [];
  const base = cls.getExtends()?.getExpression().getText() ?? '';
  const decorated = cls.getDecorators().some((d) => /^(Entity|Table|Schema|model)$/.test(d.getName()));
  return decorated || /(^|\.)Model$/.test(base) ? [{ entity: name }] : [];
}

function sqlFacts(text: string): NodeFacts[] {
  if (!SQL.test(text)) return [];
  return [...text.matchAll(SQL_TABLE)].map((m) => ({ entity: m[1]! }));
}
