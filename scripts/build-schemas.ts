/**
 * Writes the JSON Schemas under schema/ (config, plan, `--format json` result) from the zod
 * schemas in model/, and the key references in docs/ from them.
 * Run after changing a schema: `npm run schema`; test/config/json-schema.test.ts fails while a
 * committed file is stale.
 */
import * as path from 'node:path';
import { writeFileAtomic } from '../cli/write-file';
import {
  COMMAND_RESULT_SCHEMA_PATH,
  CONFIG_SCHEMA_PATH,
  PLAN_SCHEMA_PATH,
  commandResultJsonSchemaText,
  configJsonSchemaText,
  planJsonSchemaText,
} from '../model/json-schemas';
import { REFERENCE_DOCS, schemaReferenceMarkdown } from './schema-reference';

const files: [string, string][] = [
  [CONFIG_SCHEMA_PATH, configJsonSchemaText()],
  [PLAN_SCHEMA_PATH, planJsonSchemaText()],
  [COMMAND_RESULT_SCHEMA_PATH, commandResultJsonSchemaText()],
  ...REFERENCE_DOCS.map((doc): [string, string] => [doc.path, schemaReferenceMarkdown(doc.schemaText(), doc.title, doc.intro)]),
];
for (const [file, text] of files) {
  const target = path.join(__dirname, '..', file);
  writeFileAtomic(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
