import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHARED_SPLITS_ENV } from './shared-splits-env';

/** Jest globalSetup: the folder of this run's shared splits (test/support/shared-split.ts), named to every worker through the environment. */
export default function globalSetup(): void {
  process.env[SHARED_SPLITS_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-shared-'));
}
