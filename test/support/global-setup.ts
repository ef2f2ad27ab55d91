import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { postgresBinDir, startPostgres } from './postgres';
import { TEST_POSTGRES_ENV } from './sample-database';
import { SHARED_SPLITS_ENV } from './shared-splits-env';

/**
 * Jest globalSetup: the folder of this run's shared splits (test/support/shared-split.ts) and,
 * where PostgreSQL is installed, one server for the tests that run shop-api (each makes its own
 * database on it: test/support/sample-database.ts), both named to every worker through the
 * environment. The server is kept on `globalThis` for the teardown.
 */
export default async function globalSetup(): Promise<void> {
  process.env[SHARED_SPLITS_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-shared-'));
  const bin = postgresBinDir();
  if (!bin) return;
  const server = await startPostgres(bin);
  (globalThis as { cleaveTestPostgres?: typeof server }).cleaveTestPostgres = server;
  process.env[TEST_POSTGRES_ENV] = server.url;
}
