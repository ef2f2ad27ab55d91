import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A synthetic Express 4 monolith in TypeScript, shaped like samples/shop-api but as large as
 * asked: one resource per 10 routes, each with a router (a `route()` chain and a nested
 * sub-router), a controller object, a service and a model; shared middleware (auth, role
 * guards, validation, request id, logging, async wrapper) and cross-resource calls (each
 * service imports two earlier services, so the import graph is a DAG with long chains).
 * Resources are mounted through group routers: app → /api → /g<k> → /<resource>.
 */
export interface SyntheticOptions {
  /** Exact number of routes the app registers (≥ 1). */
  routes: number;
  /** Folder to write into (created; must not exist or be empty). Default: a new temp folder. */
  dir?: string;
}

/** What `generateSynthetic` wrote. */
export interface SyntheticApp {
  /** The app folder (holds package.json and tsconfig.json). */
  dir: string;
  /** Routes registered (equals the requested count). */
  routes: number;
  /** Resource routers. */
  resources: number;
  /** Source files written. */
  files: number;
  /** Total bytes of source written. */
  bytes: number;
}

/** Routes per resource router; the last resource takes the remainder. */
export const ROUTES_PER_RESOURCE = 10;
/** Resources per group router. */
const RESOURCES_PER_GROUP = 25;

/** The ten routes of a full resource, in registration order (`sub` ones live on the nested router). */
const ROUTE_TEMPLATES: Array<{
  method: string;
  path: string;
  action: string;
  guard: 'none' | 'optional' | 'auth' | 'admin';
  validate?: boolean;
  sub?: boolean;
}> = [
  { method: 'get', path: '/', action: 'list', guard: 'optional' },
  { method: 'get', path: '/search', action: 'search', guard: 'none' },
  { method: 'post', path: '/', action: 'create', guard: 'auth', validate: true },
  { method: 'get', path: '/:id', action: 'get', guard: 'optional' },
  { method: 'put', path: '/:id', action: 'update', guard: 'auth', validate: true },
  { method: 'delete', path: '/:id', action: 'remove', guard: 'admin' },
  { method: 'get', path: '/:id/related', action: 'related', guard: 'none' },
  { method: 'post', path: '/:id/archive', action: 'archive', guard: 'admin' },
  { method: 'get', path: '/', action: 'listItems', guard: 'optional', sub: true },
  { method: 'post', path: '/', action: 'addItem', guard: 'auth', validate: true, sub: true },
];

const NOUNS = [
  'order',
  'invoice',
  'customer',
  'product',
  'shipment',
  'ticket',
  'account',
  'report',
  'device',
  'policy',
  'claim',
  'booking',
  'course',
  'asset',
  'contract',
  'vendor',
];

/** Writes a synthetic monolith registering exactly `options.routes` routes. */
export function generateSynthetic(options: SyntheticOptions): SyntheticApp {
  const total = Math.floor(options.routes);
  if (!(total >= 1)) throw new Error(`routes must be a positive integer, got ${options.routes}`);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), `cleave-synthetic-${total}-`));
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);

  const resourceCount = Math.ceil(total / ROUTES_PER_RESOURCE);
  const resources = Array.from({ length: resourceCount }, (_, i) =>
    resource(i, i === resourceCount - 1 ? total - ROUTES_PER_RESOURCE * i : ROUTES_PER_RESOURCE),
  );
  const groups: Resource[][] = [];
  for (let i = 0; i < resources.length; i += RESOURCES_PER_GROUP) groups.push(resources.slice(i, i + RESOURCES_PER_GROUP));

  const files = new Map<string, string>();
  files.set(
    'package.json',
    JSON.stringify({ name: `synthetic-${total}`, version: '1.0.0', private: true, main: 'src/server.ts', dependencies: { express: '4.21.2' } }, null, 2) + '\n',
  );
  files.set(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          strict: true,
          esModuleInterop: true,
          resolveJsonModule: true,
          skipLibCheck: true,
          outDir: 'dist',
          rootDir: 'src',
        },
        include: ['src'],
      },
      null,
      2,
    ) + '\n',
  );
  files.set('src/server.ts', SERVER);
  files.set('src/app.ts', APP);
  files.set('src/config.ts', CONFIG);
  files.set('src/lib/db.ts', DB);
  files.set('src/lib/errors.ts', ERRORS);
  files.set('src/lib/async-handler.ts', ASYNC_HANDLER);
  files.set('src/lib/logger.ts', LOGGER);
  files.set('src/lib/pagination.ts', PAGINATION);
  files.set('src/middleware/auth.ts', AUTH);
  files.set('src/middleware/validate.ts', VALIDATE);
  files.set('src/middleware/request-id.ts', REQUEST_ID);
  files.set('src/middleware/request-logger.ts', REQUEST_LOGGER);
  files.set('src/middleware/error-handler.ts', ERROR_HANDLER);
  files.set('src/routes/index.ts', routesIndex(groups.length));
  groups.forEach((group, k) => files.set(`src/routes/groups/g${k}.ts`, groupRouter(group)));
  for (const r of resources) {
    files.set(`src/routes/${r.name}.ts`, resourceRouter(r));
    files.set(`src/controllers/${r.name}.ts`, controller(r, resources));
    files.set(`src/services/${r.name}.service.ts`, service(r, resources));
    files.set(`src/models/${r.name}.ts`, model(r));
  }

  let bytes = 0;
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (/\.[jt]s$/.test(rel)) bytes += Buffer.byteLength(text);
  }
  return { dir, routes: total, resources: resources.length, files: [...files.keys()].filter((f) => /\.[jt]s$/.test(f)).length, bytes };
}

interface Resource {
  index: number;
  /** kebab-case name, also the file name and URL segment: `order-7`. */
  name: string;
  /** PascalCase: `Order7`. */
  type: string;
  /** camelCase: `order7`. */
  ident: string;
  /** Routes of this resource (a prefix of ROUTE_TEMPLATES). */
  routeCount: number;
  /** Indexes of the resources whose services this one calls. */
  calls: number[];
}

function resource(index: number, routeCount: number): Resource {
  const noun = NOUNS[index % NOUNS.length]!;
  const suffix = String(index);
  const calls = index === 0 ? [] : [...new Set([index - 1, Math.floor(index / 2)])];
  return { index, name: `${noun}-${suffix}`, type: `${noun[0]!.toUpperCase()}${noun.slice(1)}${suffix}`, ident: `${noun}${suffix}`, routeCount, calls };
}

function routesIndex(groupCount: number): string {
  const imports = Array.from({ length: groupCount }, (_, k) => `import g${k}Router from './groups/g${k}';`).join('\n');
  const mounts = Array.from({ length: groupCount }, (_, k) => `apiRouter.use('/g${k}', g${k}Router);`).join('\n');
  return `import { Router } from 'express';
${imports}

export const apiRouter = Router();

${mounts}

export default apiRouter;
`;
}

function groupRouter(group: Resource[]): string {
  const imports = group.map((r) => `import ${r.ident}Router from '../${r.name}';`).join('\n');
  // Half the resources are mounted from a literal table in a loop, half one by one.
  const half = Math.ceil(group.length / 2);
  const table = group
    .slice(0, half)
    .map((r) => `  ['/${r.name}', ${r.ident}Router],`)
    .join('\n');
  const direct = group
    .slice(half)
    .map((r) => `router.use('/${r.name}', ${r.ident}Router);`)
    .join('\n');
  return `import { Router } from 'express';
${imports}

const router = Router();

const mounted: Array<[string, Router]> = [
${table}
];
for (const [prefix, child] of mounted) router.use(prefix, child);
${direct}

export default router;
`;
}

function guardArgs(guard: string, validate: boolean | undefined, r: Resource): string[] {
  const args: string[] = [];
  if (guard === 'optional') args.push('optionalAuth');
  if (guard === 'auth') args.push('requireAuth');
  if (guard === 'admin') args.push('requireAuth', `requireRole('admin')`);
  if (validate) args.push(`validate(${r.ident}Schema)`);
  return args;
}

function resourceRouter(r: Resource): string {
  const templates = ROUTE_TEMPLATES.slice(0, r.routeCount);
  const line = (t: (typeof ROUTE_TEMPLATES)[number], target: string): string =>
    `${target}.${t.method}(${[`'${t.path}'`, ...guardArgs(t.guard, t.validate, r), `asyncHandler(${r.ident}Controller.${t.action})`].join(', ')});`;
  // The three '/:id' routes are one `route('/:id')` chain, placed where the first of them is.
  const main: string[] = [];
  const chain: string[] = [];
  let chainAt = -1;
  for (const t of templates.filter((t) => !t.sub)) {
    if (t.path !== '/:id') {
      main.push(line(t, 'router'));
      continue;
    }
    if (chainAt < 0) chainAt = main.push('') - 1;
    chain.push(`  .${t.method}(${[...guardArgs(t.guard, t.validate, r), `asyncHandler(${r.ident}Controller.${t.action})`].join(', ')})`);
  }
  if (chainAt >= 0) main[chainAt] = `router\n  .route('/:id')\n${chain.join('\n')};`;
  const sub = templates.filter((t) => t.sub).map((t) => line(t, 'items'));
  const usesValidate = templates.some((t) => t.validate);
  const authImports: string[] = [];
  if (templates.some((t) => t.guard === 'optional')) authImports.push('optionalAuth');
  if (templates.some((t) => t.guard === 'auth' || t.guard === 'admin')) authImports.push('requireAuth');
  if (templates.some((t) => t.guard === 'admin')) authImports.push('requireRole');
  return `import { Router } from 'express';
import { ${r.ident}Controller } from '../controllers/${r.name}';
import { asyncHandler } from '../lib/async-handler';
${authImports.length > 0 ? `import { ${authImports.join(', ')} } from '../middleware/auth';\n` : ''}${usesValidate ? `import { validate } from '../middleware/validate';\nimport { ${r.ident}Schema } from '../models/${r.name}';\n` : ''}
const router = Router();

${main.join('\n')}
${
  sub.length > 0
    ? `
// Items of one ${r.ident}: a nested router that sees :id through mergeParams.
const items = Router({ mergeParams: true });
${sub.join('\n')}
router.use('/:id/items', items);
`
    : ''
}
export default router;
`;
}

function controller(r: Resource, all: Resource[]): string {
  const related = r.calls.map((i) => all[i]!);
  return `import type { Request, Response } from 'express';
import { badRequest, notFound } from '../lib/errors';
import { paginate, readPage } from '../lib/pagination';
import * as ${r.ident}Service from '../services/${r.name}.service';

function idParam(req: Request): string {
  const id = String(req.params.id ?? '');
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw badRequest(\`invalid id: \${id}\`);
  return id;
}

export const ${r.ident}Controller = {
  async list(req: Request, res: Response) {
    const rows = await ${r.ident}Service.list({ status: req.query.status as string | undefined });
    res.json(paginate(rows, readPage(req)));
  },

  async search(req: Request, res: Response) {
    const q = String(req.query.q ?? '').trim();
    if (q.length < 2) throw badRequest('q must have at least 2 characters');
    res.json({ query: q, data: await ${r.ident}Service.search(q) });
  },

  async create(req: Request, res: Response) {
    res.status(201).json(await ${r.ident}Service.create(req.body, req.user?.id));
  },

  async get(req: Request, res: Response) {
    const row = await ${r.ident}Service.get(idParam(req));
    if (!row) throw notFound('${r.type} not found');
    res.json(row);
  },

  async update(req: Request, res: Response) {
    res.json(await ${r.ident}Service.update(idParam(req), req.body));
  },

  async remove(req: Request, res: Response) {
    await ${r.ident}Service.remove(idParam(req));
    res.status(204).end();
  },

  async related(req: Request, res: Response) {
    // cross-resource: ${related.length > 0 ? related.map((x) => x.name).join(', ') : 'none'}
    res.json(await ${r.ident}Service.related(idParam(req)));
  },

  async archive(req: Request, res: Response) {
    res.json(await ${r.ident}Service.update(idParam(req), { status: 'archived' }));
  },

  async listItems(req: Request, res: Response) {
    const row = await ${r.ident}Service.get(idParam(req));
    res.json({ data: row?.items ?? [] });
  },

  async addItem(req: Request, res: Response) {
    res.status(201).json(await ${r.ident}Service.addItem(idParam(req), req.body));
  },
};
`;
}

function service(r: Resource, all: Resource[]): string {
  const related = r.calls.map((i) => all[i]!);
  const imports = related.map((x) => `import * as ${x.ident}Service from './${x.name}.service';`).join('\n');
  const relatedBody =
    related.length > 0
      ? `  const [${related.map((x) => x.ident).join(', ')}] = await Promise.all([${related.map((x) => `${x.ident}Service.list({ ownerId: row.ownerId })`).join(', ')}]);
  return { ...row, ${related.map((x) => `${x.ident}: ${x.ident}.slice(0, 5)`).join(', ')} };`
      : '  return { ...row };';
  return `import { db } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { logger } from '../lib/logger';
import { type ${r.type}, type ${r.type}Item, ${r.ident}Schema } from '../models/${r.name}';
${imports}

const table = db.table<${r.type}>('${r.name}');
const recent = new Map<string, number>();

export interface ${r.type}Filter {
  status?: string;
  ownerId?: string;
}

export async function list(filter: ${r.type}Filter = {}): Promise<${r.type}[]> {
  const rows = await table.findAll((row) => (!filter.status || row.status === filter.status) && (!filter.ownerId || row.ownerId === filter.ownerId));
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function search(q: string): Promise<${r.type}[]> {
  const needle = q.toLowerCase();
  return table.findAll((row) => row.title.toLowerCase().includes(needle));
}

export async function get(id: string): Promise<${r.type} | undefined> {
  recent.set(id, Date.now());
  return table.findById(id);
}

export async function create(input: unknown, ownerId = 'anonymous'): Promise<${r.type}> {
  const fields = ${r.ident}Schema.parse(input);
  if ((await table.findAll((row) => row.title === fields.title)).length > 0) throw conflict('${r.ident} title taken');
  const row = await table.insert({ ...fields, ownerId, items: [], status: 'active', updatedAt: new Date().toISOString() });
  logger.info('${r.ident} created', { id: row.id });
  return row;
}

export async function update(id: string, patch: Partial<${r.type}>): Promise<${r.type}> {
  const row = await table.findById(id);
  if (!row) throw notFound('${r.type} not found');
  return table.update(id, { ...row, ...patch, updatedAt: new Date().toISOString() });
}

export async function remove(id: string): Promise<void> {
  if (!(await table.delete(id))) throw notFound('${r.type} not found');
}

export async function addItem(id: string, item: ${r.type}Item): Promise<${r.type}> {
  const row = await table.findById(id);
  if (!row) throw notFound('${r.type} not found');
  return table.update(id, { ...row, items: [...row.items, item] });
}

export async function related(id: string): Promise<unknown> {
  const row = await table.findById(id);
  if (!row) throw notFound('${r.type} not found');
${relatedBody}
}
`;
}

function model(r: Resource): string {
  return `import { badRequest } from '../lib/errors';

export interface ${r.type}Item {
  sku: string;
  quantity: number;
}

export interface ${r.type} {
  id: string;
  title: string;
  status: 'active' | 'archived';
  ownerId: string;
  items: ${r.type}Item[];
  updatedAt: string;
}

export const ${r.ident}Schema = {
  name: '${r.type}',
  parse(input: unknown): Pick<${r.type}, 'title'> {
    const value = input as Partial<${r.type}> | undefined;
    if (!value || typeof value.title !== 'string' || value.title.length === 0) throw badRequest('${r.ident}.title is required');
    if (value.title.length > 200) throw badRequest('${r.ident}.title is too long');
    return { title: value.title };
  },
};
`;
}

const SERVER = `import { createApp } from './app';
import { config } from './config';
import { logger } from './lib/logger';

const app = createApp();
app.listen(config.port, () => logger.info('listening', { port: config.port }));
`;

const APP = `import express from 'express';
import { config } from './config';
import { errorHandler, notFoundHandler } from './middleware/error-handler';
import { requestId } from './middleware/request-id';
import { requestLogger } from './middleware/request-logger';
import { apiRouter } from './routes';

export function createApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use(requestId);
  app.use(requestLogger({ enabled: config.logRequests }));
  app.use(config.apiPrefix, apiRouter);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
`;

const CONFIG = `export const config = {
  port: Number(process.env.PORT ?? 3000),
  apiPrefix: '/api',
  logRequests: process.env.LOG_REQUESTS !== 'false',
  jwtSecret: process.env.JWT_SECRET ?? 'dev-secret',
};
`;

const DB = `import { randomUUID } from 'crypto';

export interface Row {
  id: string;
}

export class Table<T extends Row> {
  private readonly rows = new Map<string, T>();

  constructor(readonly name: string) {}

  async findAll(predicate: (row: T) => boolean = () => true): Promise<T[]> {
    return [...this.rows.values()].filter(predicate);
  }

  async findById(id: string): Promise<T | undefined> {
    return this.rows.get(id);
  }

  async insert(fields: Omit<T, 'id'>): Promise<T> {
    const row = { ...fields, id: randomUUID() } as T;
    this.rows.set(row.id, row);
    return row;
  }

  async update(id: string, row: T): Promise<T> {
    this.rows.set(id, { ...row, id });
    return this.rows.get(id)!;
  }

  async delete(id: string): Promise<boolean> {
    return this.rows.delete(id);
  }
}

const tables = new Map<string, Table<Row>>();

export const db = {
  table<T extends Row>(name: string): Table<T> {
    let table = tables.get(name);
    if (!table) {
      table = new Table<Row>(name);
      tables.set(name, table);
    }
    return table as unknown as Table<T>;
  },
};
`;

const ERRORS = `export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const unauthorized = (message = 'Login required') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'Forbidden') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
`;

const ASYNC_HANDLER = `import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function asyncHandler(fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return function asyncHandlerWrapper(req, res, next) {
    Promise.resolve(fn(req, res, next)).catch(next);
  };
}
`;

const LOGGER = `export const logger = {
  info(message: string, fields: Record<string, unknown> = {}): void {
    process.stdout.write(JSON.stringify({ level: 'info', message, ...fields }) + '\\n');
  },
  error(message: string, fields: Record<string, unknown> = {}): void {
    process.stderr.write(JSON.stringify({ level: 'error', message, ...fields }) + '\\n');
  },
};
`;

const PAGINATION = `import type { Request } from 'express';

export interface Page {
  offset: number;
  limit: number;
}

export function readPage(req: Request): Page {
  const limit = Math.min(Number(req.query.limit ?? 20) || 20, 100);
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0);
  return { offset, limit };
}

export function paginate<T>(rows: T[], page: Page): { data: T[]; total: number } {
  return { data: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
}
`;

const AUTH = `import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHmac } from 'crypto';
import { config } from '../config';
import { forbidden, unauthorized } from '../lib/errors';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: { id: string; role: string };
    }
  }
}

function readToken(req: Request): { id: string; role: string } | undefined {
  const header = req.headers.authorization ?? '';
  const [id, role, signature] = header.replace(/^Bearer /, '').split('.');
  if (!id || !role || !signature) return undefined;
  const expected = createHmac('sha256', config.jwtSecret).update(id + '.' + role).digest('hex');
  return expected === signature ? { id, role } : undefined;
}

export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  const user = readToken(req);
  if (!user) return next(unauthorized());
  req.user = user;
  next();
}

export function optionalAuth(req: Request, _res: Response, next: NextFunction): void {
  req.user = readToken(req);
  next();
}

export function requireRole(...roles: string[]): RequestHandler {
  return function roleGuard(req, _res, next) {
    if (!req.user) return next(unauthorized());
    if (!roles.includes(req.user.role)) return next(forbidden('Requires role: ' + roles.join(' or ')));
    next();
  };
}
`;

const VALIDATE = `import type { RequestHandler } from 'express';

export interface Schema<T> {
  name: string;
  parse(input: unknown): T;
}

export function validate<T>(schema: Schema<T>): RequestHandler {
  return function validateBody(req, _res, next) {
    try {
      req.body = schema.parse(req.body);
      next();
    } catch (err) {
      next(err);
    }
  };
}
`;

const REQUEST_ID = `import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'crypto';

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const id = req.header('x-request-id') ?? randomUUID();
  res.setHeader('x-request-id', id);
  next();
}
`;

const REQUEST_LOGGER = `import type { RequestHandler } from 'express';
import { logger } from '../lib/logger';

export function requestLogger(options: { enabled: boolean }): RequestHandler {
  return function logRequest(req, res, next) {
    if (!options.enabled) return next();
    const started = Date.now();
    res.on('finish', () => logger.info('request', { method: req.method, path: req.originalUrl, status: res.statusCode, ms: Date.now() - started }));
    next();
  };
}
`;

const ERROR_HANDLER = `import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../lib/errors';
import { logger } from '../lib/logger';

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'not_found', message: 'No route for ' + req.method + ' ' + req.path } });
}

export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
    return;
  }
  logger.error('unhandled error', { err: String(err) });
  res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
}
`;
