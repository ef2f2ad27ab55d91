import * as fs from 'node:fs';
import type { TestPostgres } from './postgres';
import { SHARED_SPLITS_ENV } from './shared-splits-env';

/** Jest globalTeardown: removes this run's shared splits and stops its PostgreSQL server. */
export default function globalTeardown(): void {
  const root = process.env[SHARED_SPLITS_ENV];
  if (root) fs.rmSync(root, { recursive: true, force: true });
  (globalThis as { cleaveTestPostgres?: TestPostgres }).cleaveTestPostgres?.stop();
}
