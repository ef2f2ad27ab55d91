/**
 * Writes schema/cleave.config.schema.json and schema/command-result.schema.json from the zod
 * schemas in model/config.ts and model/command-result.ts.
 * Run after changing the config schema: `npx tsx scripts/build-config-schema.ts`;
 * test/config/json-schema.test.ts fails while the committed file is stale.
 */
import * as path from 'node:path';
import { writeFileAtomic } from '../cli/write-file';
import { COMMAND_RESULT_SCHEMA_PATH, CONFIG_SCHEMA_PATH, commandResultJsonSchemaText, configJsonSchemaText } from '../model/config-json-schema';

for (const [file, text] of [[CONFIG_SCHEMA_PATH, configJsonSchemaText()], [COMMAND_RESULT_SCHEMA_PATH, commandResultJsonSchemaText()]] as const) {
  const target = path.join(__dirname, '..', file);
  writeFileAtomic(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
