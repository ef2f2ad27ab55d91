import type { Analysis, RouteDeps } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

const depsOf = (a: Analysis, id: string): RouteDeps => {
  const route = a.routes.find((r) => r.id === id);
  if (!route) throw new Error(`no route ${id}`);
  return route.deps;
};

describe('closure', () => {
  it('namespace import: only the export the route uses, and what it reaches', async () => {
    const a = await analyzeFixture('closure', 'namespace-import-one-export');
    expect(depsOf(a, 'GET /users')).toEqual({
      files: ['controllers/users.ts', 'server.ts', 'services/user-service.ts'],
      packages: [],
      env: [],
      entities: [],
    });
  });

  it('dependency injection: Container.get(UserService) reaches the service and what it constructs', async () => {
    const a = await analyzeFixture('closure', 'di-container-lookup');
    expect(depsOf(a, 'GET /users/:id')).toEqual({
      files: ['data/user-repository.ts', 'server.ts', 'services/user-service.ts'],
      packages: ['typedi'],
      env: [],
      entities: [],
    });
  });

  it('a shared helper is in both closures; an unused method of a controller object is in neither', async () => {
    const a = await analyzeFixture('closure', 'shared-helper');
    expect(depsOf(a, 'GET /orders').files).toEqual(['controllers/orders.js', 'lib/format.js', 'server.js']);
    expect(depsOf(a, 'GET /invoices').files).toEqual(['controllers/invoices.js', 'lib/format.js', 'server.js']);
    expect(depsOf(a, 'GET /orders').packages).not.toContain('nodemailer');
  });

  it('a module imported for its side effects is in the closure and named as such', async () => {
    const a = await analyzeFixture('closure', 'side-effect-module');
    expect(depsOf(a, 'GET /products')).toEqual({
      files: ['db.js', 'models/product.js', 'routes/products.js'],
      packages: ['dotenv', 'mongoose'],
      env: ['MONGO_URL'],
      entities: ['Product'],
      sideEffects: ['db.js'],
    });
  });

  it('cyclic imports: the closure holds the cycle and the cycle is reported once', async () => {
    const a = await analyzeFixture('closure', 'cyclic-imports');
    expect(depsOf(a, 'GET /ping').files).toEqual(['a.js', 'b.js', 'server.js']);
    expect(a.diagnostics.filter((d) => d.code === 'IMPORT_CYCLE')).toEqual([
      expect.objectContaining({ file: 'a.js', severity: 'info', message: 'import cycle: a.js → b.js → a.js' }),
    ]);
  });

  it('a wrapper factory: the wrapped controller, its env vars, config keys and tables', async () => {
    const a = await analyzeFixture('closure', 'wrapper-factory');
    expect(depsOf(a, 'GET /reports/:id')).toEqual({
      files: ['controllers/reports.js', 'db.js', 'lib/async-handler.js', 'server.js'],
      packages: ['config', 'knex'],
      env: ['API_KEY', 'DATABASE_URL', 'REGION', 'config:reports.limit'],
      entities: ['customers', 'orders', 'reports'],
    });
  });
});

describe('closure entities', () => {
  it('finds Sequelize, Prisma and TypeORM entities, and module-level completions of a model', async () => {
    const a = await analyzeFixture('closure', 'orm-entities');
    expect(depsOf(a, 'GET /authors')).toEqual({
      files: ['models/author.ts', 'sequelize.ts', 'server.ts'],
      packages: ['sequelize'],
      env: ['DATABASE_URL'],
      entities: ['Author'],
    });
    expect(depsOf(a, 'GET /posts')).toMatchObject({ files: ['prisma.ts', 'server.ts'], packages: ['@prisma/client'], entities: ['Post'] });
    expect(depsOf(a, 'GET /invoices')).toMatchObject({
      files: ['data-source.ts', 'entities/invoice.ts', 'server.ts'],
      packages: ['typeorm'],
      env: ['PG_URL'],
      entities: ['Invoice'],
    });
    expect(depsOf(a, 'GET /health')).toEqual({ files: ['server.ts'], packages: [], env: [], entities: [] });
  });

  it('env read through validators over process.env: the schema keys (Joi, envalid)', async () => {
    const a = await analyzeFixture('closure', 'env-validators');
    expect(depsOf(a, 'GET /token').env).toEqual(['JWT_SECRET', 'MONGO_HOST', 'NODE_ENV']);
    expect(depsOf(a, 'GET /flags').env).toEqual(['BETA_FEATURES', 'REGION']);
  });

  it('CommonJS barrels: `module.exports.x = require()`, `exports.x = require()`, spread and property requires', async () => {
    const a = await analyzeFixture('closure', 'commonjs-barrels');
    expect(depsOf(a, 'GET /users')).toEqual({
      files: ['server.js', 'services/index.js', 'services/user.service.js'],
      packages: ['mongoose'],
      env: [],
      entities: ['User'],
    });
    // env-var's `env.get(NAME)` names the variable.
    expect(depsOf(a, 'GET /token')).toMatchObject({ files: ['server.js', 'services/index.js', 'services/token.service.js'], env: ['TOKEN_SECRET'] });
    // zod over process.env: the schema's keys.
    expect(depsOf(a, 'POST /mail')).toMatchObject({ files: ['server.js', 'services/mail.service.js', 'services/spread.js'], env: ['SMTP_HOST', 'SMTP_PORT'] });
    expect(depsOf(a, 'POST /audit')).toMatchObject({ files: ['server.js', 'services/audit.service.js', 'services/spread.js'], env: ['AUDIT_REGION'] });
  });
});
