import { BUILTIN_PATTERN_NAMES, type VerifyConfig } from '../model/verify-config';

/** A volatile value pattern, compiled: every match counts as the same value on both sides. */
export interface VolatilePattern {
  /** Shown in the report (`iso-timestamp`). */
  name: string;
  /** Global regular expression. */
  regex: RegExp;
}

/** The built-in patterns of `verify.ignore.values`, by name. */
export const BUILTIN_VALUE_PATTERNS: Record<(typeof BUILTIN_PATTERN_NAMES)[number], string> = {
  // 2026-01-31, 2026-01-31T12:00, 2026-01-31 12:00:00.123+02:00, ...Z
  'iso-timestamp': '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
  uuid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  'object-id': '\\b[0-9a-f]{24}\\b',
  // Milliseconds since 1970 from 2001 to 2286: 13 digits starting with 1.
  'epoch-ms': '\\b1\\d{12}\\b',
};

/** The patterns of `verify.ignore.values`, compiled. */
export function compilePatterns(values: VerifyConfig['ignore']['values']): VolatilePattern[] {
  return values.map((v) =>
    typeof v === 'string' ? { name: v, regex: new RegExp(BUILTIN_VALUE_PATTERNS[v], 'g') } : { name: v.name, regex: new RegExp(v.regex, 'g') },
  );
}

/** `text` with every match of every pattern replaced by `‹name›`. */
export function maskText(text: string, patterns: readonly VolatilePattern[]): string {
  let out = text;
  for (const p of patterns) out = out.replace(p.regex, `‹${p.name}›`);
  return out;
}

/** Names of the patterns that match somewhere in `value` (a string, or a number's digits). */
export function matchingPatterns(value: unknown, patterns: readonly VolatilePattern[]): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const text = String(value);
  return patterns.filter((p) => new RegExp(p.regex.source).test(text)).map((p) => p.name);
}

/**
 * A copy of a JSON value with the patterns masked in every string, and every number whose digits
 * a pattern matches whole (an epoch timestamp) replaced by the masked string.
 */
export function maskJson(value: unknown, patterns: readonly VolatilePattern[]): unknown {
  if (patterns.length === 0) return value;
  if (typeof value === 'string') return maskText(value, patterns);
  if (typeof value === 'number') {
    const masked = maskText(String(value), patterns);
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map((v) => maskJson(v, patterns));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v, patterns)]));
  return value;
}
