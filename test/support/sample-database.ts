import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { sampleDir } from '../../scripts/golden';

/** Names the PostgreSQL server the run's global setup started (test/support/global-setup.ts), as a `postgres://` URL of its `postgres` database. */
export const TEST_POSTGRES_ENV = 'CLEAVE_TEST_POSTGRES_URL';

/** Why a test that needs a database (the samples keep their data in PostgreSQL) cannot run. */
export const NO_POSTGRES =
  'PostgreSQL is not installed: no initdb/pg_ctl on PATH or under /usr/lib/postgresql/<version>/bin (apt-get install -y postgresql; .ci/run installs it), so the tests that need a database (the samples, verify on PostgreSQL) cannot run';

/** Whether the run has a PostgreSQL server for the tests that need a database. */
export function hasTestPostgres(): boolean {
  return Boolean(process.env[TEST_POSTGRES_ENV]);
}

/**
 * `describe` for tests that need a database: in CI (where .ci/run installs PostgreSQL) always, so a
 * missing server fails them; elsewhere skipped without one, saying so once per file.
 */
export function describeWithTestPostgres(title: string): jest.Describe {
  if (hasTestPostgres() || process.env.CI) return describe;
  console.warn(`SKIPPED ${title}: ${NO_POSTGRES}`);
  return describe.skip;
}

/** A new, empty database on the run's server, under a name of its own (jest workers run several files in one process): its URL. Throws when the run has no server. */
export async function freshDatabase(prefix: string): Promise<string> {
  const server = process.env[TEST_POSTGRES_ENV];
  if (!server) throw new Error(NO_POSTGRES);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

/** A new database holding the sample's tables and seed (its own scripts/db-reset.js): its URL, for DATABASE_URL. */
export async function freshSampleDatabase(sample: 'shop-api' | 'library-js'): Promise<string> {
  const url = await freshDatabase(sample.replace('-', '_'));
  execFileSync(process.execPath, [path.join(sampleDir(sample), 'scripts', 'db-reset.js')], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return url;
}

/**
 * For the describe block that runs `sample`: before its tests, DATABASE_URL names a fresh database
 * of the sample (verify's hooks, the monolith and the functions, all children, inherit it); after
 * them, the previous value is back.
 */
export function useSampleDatabase(sample: 'shop-api' | 'library-js'): void {
  useDatabase(() => freshSampleDatabase(sample));
}

/** For a describe block: DATABASE_URL names the database `make` gives before its tests, the previous value after them. */
export function useDatabase(make: () => Promise<string>): void {
  let previous: string | undefined;
  beforeAll(async () => {
    previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = await make();
  }, 60_000);
  afterAll(() => {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  });
}
