import * as fs from 'node:fs';
import { SHARED_SPLITS_ENV } from './shared-splits-env';

/** Jest globalTeardown: removes this run's shared splits. */
export default function globalTeardown(): void {
  const root = process.env[SHARED_SPLITS_ENV];
  if (root) fs.rmSync(root, { recursive: true, force: true });
}
