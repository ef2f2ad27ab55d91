import type { RequestHandler } from 'express';
import { ValidationError } from '../lib/errors';

type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export interface FieldRule {
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  oneOf?: readonly (string | number)[];
}

export type Schema = Record<string, FieldRule>;

function typeOf(value: unknown): FieldType | 'null' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as FieldType;
  return 'other';
}

export function check(schema: Schema, input: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [field, rule] of Object.entries(schema)) {
    const value = input[field];
    if (value === undefined || value === '') {
      if (rule.required) errors.push(`${field} is required`);
      continue;
    }
    const actual = typeOf(value);
    const ok = actual === rule.type || (rule.type === 'number' && actual === 'integer');
    if (!ok) {
      errors.push(`${field} must be ${rule.type === 'integer' ? 'an' : 'a'} ${rule.type}`);
      continue;
    }
    const size = typeof value === 'number' ? value : Array.isArray(value) || typeof value === 'string' ? value.length : undefined;
    if (rule.min !== undefined && size !== undefined && size < rule.min) errors.push(`${field} must be at least ${rule.min}`);
    if (rule.max !== undefined && size !== undefined && size > rule.max) errors.push(`${field} must be at most ${rule.max}`);
    if (rule.pattern && typeof value === 'string' && !rule.pattern.test(value)) errors.push(`${field} has an invalid format`);
    if (rule.oneOf && !rule.oneOf.includes(value as string | number)) errors.push(`${field} must be one of ${rule.oneOf.join(', ')}`);
  }
  return errors;
}

/** validate(schema) checks req.body; validate(schema, 'query') checks the query string. */
export function validate(schema: Schema, source: 'body' | 'query' = 'body'): RequestHandler {
  return function validateRequest(req, _res, next) {
    const input = (source === 'body' ? req.body : req.query) ?? {};
    const errors = check(schema, input as Record<string, unknown>);
    if (errors.length) return next(new ValidationError(errors));
    next();
  };
}
