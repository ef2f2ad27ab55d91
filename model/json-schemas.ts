import { z } from 'zod';
import { CommandResult } from './command-result';
import { Config } from './config';
import { PlanDecisions } from './plan';

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

/** Where the generated JSON Schema of `cleave.plan.yaml` is committed. */
export const PLAN_SCHEMA_PATH = 'schema/cleave.plan.schema.json';

/**
 * The JSON Schema of `cleave.plan.yaml` as cleave writes it and reads it back (the decisions and
 * the reference to the analysis), generated from model/plan.ts, as the exact text that is committed.
 */
export function planJsonSchemaText(): string {
  const schema = z.toJSONSchema(PlanDecisions, { io: 'input', target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, title: 'cleave.plan.yaml' }, null, 2) + '\n';
}
