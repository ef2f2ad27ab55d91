import { z } from 'zod';
import { CommandResult } from './command-result';
import { Config } from './config';

/** Where the generated JSON Schema of `cleave.config.yaml` is committed, relative to the repo root. */
export const CONFIG_SCHEMA_PATH = 'schema/cleave.config.schema.json';

/**
 * The JSON Schema of `cleave.config.yaml` for editors, generated from the zod schema (the one
 * source of truth), as the exact text that is committed.
 */
export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(Config, { io: 'input', target: 'draft-2020-12' });
  const withId = { ...schema, title: 'cleave.config.yaml' };
  return JSON.stringify(withId, null, 2) + '\n';
}

/** Where the generated JSON Schema of the `--format json` result of plan, generate, split and verify is committed. */
export const COMMAND_RESULT_SCHEMA_PATH = 'schema/command-result.schema.json';

/** The JSON Schema of the `--format json` result object, generated from model/command-result.ts, as the exact text that is committed. */
export function commandResultJsonSchemaText(): string {
  const schema = z.toJSONSchema(CommandResult, { io: 'output', target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, title: 'cleave --format json result' }, null, 2) + '\n';
}
