import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { Config } from './config';
import { ConfigError } from './errors';

/** Parses YAML text, turning syntax errors into a `ConfigError` with `file:line:col` per problem. */
export function parseYamlOrThrow(text: string, file: string, advice: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const at = e.linePos?.[0];
      const what = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return `${at ? `line ${at.line}:${at.col}: ` : ''}${what}`;
    });
    throw new ConfigError(file, problems, advice);
  }
  return doc.toJS() ?? {};
}

/** Validates data against a schema; throws `ConfigError` with one key-path line per problem. */
export function validateOrThrow<S extends z.ZodType>(schema: S, data: unknown, file: string, advice: string): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new ConfigError(file, formatIssues(result.error.issues), advice);
}

/** Parses and validates `cleave.config.yaml` text; every default filled in. */
export function parseConfigText(text: string, file = 'cleave.config.yaml'): Config {
  const advice = 'schema/cleave.config.schema.json documents every key';
  return validateOrThrow(Config, parseYamlOrThrow(text, file, advice), file, advice);
}

/** One line per zod issue: `key.path[2].name: what was expected`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const at = keyPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${joinKey(at, key)}: unknown key`);
    }
    if (issue.code === 'invalid_type') {
      const got = 'input' in issue ? describeValue(issue.input) : undefined;
      if (got === 'undefined') return [`${at || '(top level)'}: required ${issue.expected} is missing`];
      return [`${at || '(top level)'}: expected ${issue.expected}${got ? `, got ${got}` : ''}`];
    }
    if (issue.code === 'invalid_key') {
      const inner = issue.issues.map((i) => plain(i.message)).join('; ');
      return [`${at}: invalid key (${inner})`];
    }
    return [`${at || '(top level)'}: ${plain(issue.message)}`];
  });
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : joinKey(acc, String(part))), '');
}

function joinKey(prefix: string, key: string): string {
  const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
  return prefix ? `${prefix}.${safe}` : safe;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function plain(message: string): string {
  return message
    .replace(/^Invalid input: /, '')
    .replace(/^Invalid (string|option): /, '')
    .replace(/^Too small: /, '')
    .replace(/^Too big: /, '');
}
