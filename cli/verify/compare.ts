import { isDeepStrictEqual } from 'node:util';
import type { ObservedResponse } from './request-spec';

/** What verify leaves out of the comparison. */
export interface IgnoreRules {
  /** JSON body paths (`requestId`, `meta.generatedAt`, `items.*.updatedAt`). */
  bodyPaths: string[];
}

/**
 * Differences between the monolith's answer and the function's: status, content type,
 * Set-Cookie (names and attributes; values such as session ids differ by nature) and body
 * (JSON compared as data, anything else byte for byte). Empty when they answer alike.
 */
export function compareResponses(monolith: ObservedResponse, fn: ObservedResponse, ignore: IgnoreRules): string[] {
  const diffs: string[] = [];
  if (monolith.status !== fn.status) diffs.push(`status: monolith ${monolith.status}, function ${fn.status}`);
  if (normalizeType(monolith.contentType) !== normalizeType(fn.contentType)) diffs.push(`content-type: monolith '${monolith.contentType}', function '${fn.contentType}'`);
  const cookiesA = monolith.setCookies.map(cookieShape).sort();
  const cookiesB = fn.setCookies.map(cookieShape).sort();
  if (!isDeepStrictEqual(cookiesA, cookiesB)) diffs.push(`set-cookie: monolith [${cookiesA.join(' | ')}], function [${cookiesB.join(' | ')}]`);
  const body = compareBodies(monolith, fn, ignore);
  if (body) diffs.push(body);
  return diffs;
}

function normalizeType(type: string): string {
  return type.toLowerCase().replace(/\s+/g, '');
}

/** A cookie without its value: `name; Path=/; HttpOnly`. */
function cookieShape(cookie: string): string {
  const [pair = '', ...attributes] = cookie.split(';').map((p) => p.trim());
  const name = pair.split('=')[0] ?? '';
  return [name, ...attributes.filter((a) => !/^expires=/i.test(a)).map((a) => a.toLowerCase()).sort()].join('; ');
}

function compareBodies(a: ObservedResponse, b: ObservedResponse, ignore: IgnoreRules): string | undefined {
  if (a.body.equals(b.body)) return undefined;
  const jsonA = parseJson(a.body);
  const jsonB = parseJson(b.body);
  if (jsonA.ok && jsonB.ok) {
    const left = strip(jsonA.value, ignore.bodyPaths);
    const right = strip(jsonB.value, ignore.bodyPaths);
    if (isDeepStrictEqual(left, right)) return undefined;
    return `body: ${firstDifference(left, right, '$')}`;
  }
  return `body: ${a.body.length} bytes from the monolith, ${b.body.length} from the function; first difference at byte ${firstByte(a.body, b.body)}`;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function strip(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value);
  for (const p of paths) remove(copy, p.split('.'));
  return copy;
}

function remove(value: unknown, segments: string[]): void {
  if (!value || typeof value !== 'object' || segments.length === 0) return;
  const [head, ...rest] = segments;
  const keys = head === '*' ? Object.keys(value) : [head!];
  for (const key of keys) {
    if (rest.length === 0) delete (value as Record<string, unknown>)[key];
    else remove((value as Record<string, unknown>)[key], rest);
  }
}

function firstDifference(a: unknown, b: unknown, at: string): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: monolith ${JSON.stringify(a)}, function ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${key}`);
  }
  return `${at}: differs`;
}

function firstByte(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
