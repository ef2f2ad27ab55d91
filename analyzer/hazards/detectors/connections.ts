import { type CallExpression, Node, type NewExpression } from 'ts-morph';
import { bootOrigin } from '../support/boot-calls';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { valueAnchor } from '../support/instances';
import { callsIn, newsIn, shortText, where } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

/** Client constructors and connect calls: [module(s), member paths ('' for the module itself), label]. */
const CALLS: Array<[string | string[], string[], string]> = [
  ['mongoose', ['connect', 'createConnection'], 'Mongoose connection'],
  ['knex', ['', 'knex'], 'Knex pool'],
  ['redis', ['createClient', 'createCluster'], 'Redis client'],
  [['mysql', 'mysql2', 'mysql2/promise'], ['createPool', 'createConnection', 'createPoolCluster'], 'MySQL pool'],
  ['mongodb', ['MongoClient.connect'], 'MongoDB client'],
  ['typeorm', ['createConnection'], 'TypeORM connection'],
  [['amqplib', 'amqplib/callback_api'], ['connect'], 'AMQP connection'],
  // A session store given a URL opens a MongoDB client of its own, beside the app's.
  ['connect-mongo', ['create', 'default.create', 'MongoStore.create'], 'connect-mongo session store (a MongoDB client of its own)'],
];

/** Stores that open their own client only when not handed one (`MongoStore.create({ client })` reuses the app's). */
const HANDED_A_CLIENT = new Set(['client', 'clientPromise']);
const NEWS: Array<[string | string[], string[], string]> = [
  [['sequelize', 'sequelize-typescript'], ['', 'Sequelize'], 'Sequelize pool'],
  ['@prisma/client', ['PrismaClient'], 'Prisma client'],
  ['ioredis', ['', 'Redis', 'Cluster'], 'Redis client'],
  ['pg', ['Pool', 'Client'], 'PostgreSQL pool'],
  ['mongodb', ['MongoClient'], 'MongoDB client'],
  ['typeorm', ['DataSource'], 'TypeORM data source'],
];

/**
 * CONNECTION_AT_MODULE_SCOPE: database and broker clients created while the app boots
 * (Mongoose, Sequelize, Prisma, Knex, Redis, pg, MySQL, MongoDB, TypeORM, AMQP, and a
 * connect-mongo session store built from a URL, which opens a client of its own). Creating them
 * outside the handler is right for a function, but every concurrent instance holds its own
 * pool, a slow connect lengthens cold starts, and a dropped connection must be re-established.
 * Clients created lazily at request time are not reported.
 */
export const detectConnections: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    const candidates: Array<[CallExpression | NewExpression, typeof CALLS]> = [
      ...callsIn(sf).map((c) => [c, CALLS] as [CallExpression, typeof CALLS]),
      ...newsIn(sf).map((n) => [n, NEWS] as [NewExpression, typeof NEWS]),
    ];
    for (const [node, table] of candidates) {
      const label = table.find(([modules, paths]) =>
        paths.some((p) => (p === '' ? isFrom(node.getExpression(), modules) : isFrom(node.getExpression(), modules, p))),
      )?.[2];
      if (!label || handedAClient(node, label)) continue;
      const origin = bootOrigin(ctx, node);
      if (!origin) continue;
      const via = Node.isSourceFile(origin) ? '' : ` (via ${where(ctx, origin)})`;
      sites.push({
        code: 'CONNECTION_AT_MODULE_SCOPE',
        severity: 'warning',
        node,
        message: `${label} \`${shortText(node, 50)}\` is created at startup${via}; every concurrent function instance opens its own connections, and connecting adds to each cold start`,
        advice:
          'keep creating it outside the handler so warm invocations reuse it, but bound it: a pool of 1-2 connections per instance (`max`, `connectionLimit`, `pool`), RDS Proxy or a serverless driver for SQL, lazy connect with reconnects; never create clients per request',
        anchor: valueAnchor(node),
      });
    }
  }
  return sites;
};

/** A session store's options naming a client it reuses: no connection of its own. */
function handedAClient(node: CallExpression | NewExpression, label: string): boolean {
  if (!label.includes('session store')) return false;
  const options = node.getArguments()[0];
  return (
    !!options &&
    Node.isObjectLiteralExpression(options) &&
    options.getProperties().some((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p)) && HANDED_A_CLIENT.has(p.getName()))
  );
}
