import { Option } from 'commander';
import { InputError } from '../model/errors';

/** `--format text|json` of plan, generate, split and verify: json prints one result object on stdout (schema/command-result.schema.json). */
export function formatOption(): Option {
  return new Option('--format <format>', 'text, or json: one result object on stdout (schema/command-result.schema.json)')
    .choices(['text', 'json'])
    .default('text');
}

/** Whether `--format json` was given. */
export function isJson(format: string | undefined): boolean {
  if (format === undefined || format === 'text') return false;
  if (format === 'json') return true;
  throw new InputError('UNKNOWN_FORMAT', `unknown format ${format}`, 'use --format text or --format json');
}
