/**
 * Writes schema/cleave.config.schema.json from the zod schema in model/config.ts.
 * Run after changing the config schema: `npx tsx scripts/build-config-schema.ts`;
 * test/config/json-schema.test.ts fails while the committed file is stale.
 */
import * as path from 'node:path';
import { writeFileAtomic } from '../cli/write-file';
import { CONFIG_SCHEMA_PATH, configJsonSchemaText } from '../model/config-json-schema';

const target = path.join(__dirname, '..', CONFIG_SCHEMA_PATH);
writeFileAtomic(target, configJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
