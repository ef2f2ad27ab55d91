import { isDeepStrictEqual } from 'node:util';
import type { ObservedResponse } from './request-spec';
import { type VolatilePattern, maskJson, maskText, matchingPatterns } from './volatile-values';

/** What verify leaves out of the comparison. */
export interface IgnoreRules {
  /** JSON body paths (`requestId`, `meta.generatedAt`, `items.*.updatedAt`). */
  bodyPaths: string[];
  /** Volatile values compared by shape (`verify.ignore.values`). @default [] */
  values?: readonly VolatilePattern[];
  /** Compared headers left out, lower case (`verify.ignore.headers`). @default [] */
  headers?: readonly string[];
}

/** The differences of two answers, and the fields that differed but a rule left out. */
export interface Comparison {
  /** See {@link compareResponses}. */
  differences: string[];
  /** `$.createdAt (iso-timestamp)`, `$.requestId (bodyPaths)`, `location header (headers)`: differed, left out. */
  ignored: string[];
}

/**
 * Differences between the monolith's answer and the function's: status, content type,
 * Set-Cookie (names and attributes; values such as session ids differ by nature), the
 * {@link COMPARED_HEADERS} and body (JSON compared as data, anything else byte for byte). Empty
 * when they answer alike.
 */
export function compareResponses(monolith: ObservedResponse, fn: ObservedResponse, ignore: IgnoreRules): string[] {
  return compareAnswers(monolith, fn, ignore).differences;
}

/** {@link compareResponses}, with the fields that differed but `ignore` left out. */
export function compareAnswers(monolith: ObservedResponse, fn: ObservedResponse, ignore: IgnoreRules): Comparison {
  const diffs: string[] = [];
  const ignored: string[] = [];
  const patterns = ignore.values ?? [];
  if (monolith.status !== fn.status) diffs.push(`status: monolith ${monolith.status}, function ${fn.status}`);
  if (normalizeType(monolith.contentType) !== normalizeType(fn.contentType))
    diffs.push(`content-type: monolith '${monolith.contentType}', function '${fn.contentType}'`);
  const cookiesA = monolith.setCookies.map(cookieShape).sort();
  const cookiesB = fn.setCookies.map(cookieShape).sort();
  if (cookiesA.join('\n') !== cookiesB.join('\n')) diffs.push(`set-cookie: monolith [${cookiesA.join(' | ')}], function [${cookiesB.join(' | ')}]`);
  for (const name of COMPARED_HEADERS) {
    const a = normalizeHeader(monolith.headers[name]);
    const b = normalizeHeader(fn.headers[name]);
    if (a === b) continue;
    if (ignore.headers?.includes(name)) ignored.push(`${name} header (headers)`);
    else if (a !== undefined && b !== undefined && maskText(a, patterns) === maskText(b, patterns))
      ignored.push(`${name} header (${matchingPatterns(a, patterns).join(', ')})`);
    else diffs.push(`${name}: monolith ${a === undefined ? '(absent)' : `'${a}'`}, function ${b === undefined ? '(absent)' : `'${b}'`}`);
  }
  const body = compareBodies(monolith, fn, ignore, ignored);
  if (body) diffs.push(body);
  return { differences: diffs, ignored };
}

/**
 * Headers compared besides Content-Type and Set-Cookie: the ones whose value is the app's
 * answer (where to go, how to cache, what to save as, how to authenticate). Date, ETag, request
 * ids and the like differ by nature or follow from the body.
 */
export const COMPARED_HEADERS = ['location', 'cache-control', 'content-disposition', 'content-encoding', 'link', 'www-authenticate'] as const;

function normalizeHeader(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.trim().replace(/\s*,\s*/g, ', ');
}

function normalizeType(type: string): string {
  return type.toLowerCase().replace(/\s+/g, '');
}

/** A cookie without its value: `name; Path=/; HttpOnly`. */
function cookieShape(cookie: string): string {
  const [pair = '', ...attributes] = cookie.split(';').map((p) => p.trim());
  const name = pair.split('=')[0] ?? '';
  return [
    name,
    ...attributes
      .filter((a) => !/^expires=/i.test(a))
      .map((a) => a.toLowerCase())
      .sort(),
  ].join('; ');
}

function compareBodies(a: ObservedResponse, b: ObservedResponse, ignore: IgnoreRules, ignored: string[]): string | undefined {
  if (a.body.equals(b.body)) return undefined;
  const patterns = ignore.values ?? [];
  const jsonA = parseJson(a.body);
  const jsonB = parseJson(b.body);
  if (jsonA.ok && jsonB.ok) {
    const left = strip(jsonA.value, ignore.bodyPaths);
    const right = strip(jsonB.value, ignore.bodyPaths);
    ignored.push(...strippedDifferences(jsonA.value, jsonB.value, ignore.bodyPaths).map((p) => `${p} (bodyPaths)`));
    const kept = paths(left, right);
    const found = new Map<string, Found>();
    differences(maskJson(left, patterns), maskJson(right, patterns), '$', found);
    for (const [p, f] of kept) if (!found.has(p)) ignored.push(`${p} (${matchingPatterns(f.a, patterns).join(', ')})`);
    if (found.size === 0) return undefined;
    // Report the values as sent, not masked.
    const shown = [...found].map(([p, f]) => `${p}: monolith ${show(kept.get(p)?.a ?? f.a)}, function ${show(kept.get(p)?.b ?? f.b)}`);
    const more = shown.length > MAX_PATHS ? `; and ${shown.length - MAX_PATHS} more` : '';
    return `body: ${shown.slice(0, MAX_PATHS).join('; ')}${more}`;
  }
  if (patterns.length > 0 && isText(a) && isText(b)) {
    const textA = a.body.toString('utf8');
    if (maskText(textA, patterns) === maskText(b.body.toString('utf8'), patterns)) {
      ignored.push(`body (${matchingPatterns(textA, patterns).join(', ')})`);
      return undefined;
    }
  }
  const at = firstByte(a.body, b.body);
  const summary = `body: ${a.body.length} bytes from the monolith, ${b.body.length} from the function; first difference at byte ${at}`;
  if (!isText(a) || !isText(b)) return summary;
  const excerpt = (body: Buffer) => JSON.stringify(body.subarray(Math.max(0, at - 20), at + 40).toString('utf8'));
  return `${summary}: monolith ${excerpt(a.body)}, function ${excerpt(b.body)}`;
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

/** The concrete JSON paths (`$.items[2].at`) that `bodyPaths` leave out and where the two values differ. */
function strippedDifferences(a: unknown, b: unknown, bodyPaths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of bodyPaths) {
    const left = new Map<string, unknown>();
    const right = new Map<string, unknown>();
    collect(a, p.split('.'), '$', left);
    collect(b, p.split('.'), '$', right);
    for (const at of new Set([...left.keys(), ...right.keys()])) if (!isDeepStrictEqual(left.get(at), right.get(at))) out.add(at);
  }
  return [...out];
}

/** The values a body path stands for, by concrete JSON path. */
function collect(value: unknown, segments: string[], at: string, found: Map<string, unknown>): void {
  if (!value || typeof value !== 'object' || segments.length === 0) return;
  const [head, ...rest] = segments;
  const keys = head === '*' ? Object.keys(value) : [head!];
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    const next = Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`;
    if (rest.length === 0) found.set(next, child);
    else collect(child, rest, next, found);
  }
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

/** Most JSON paths listed per body difference. */
const MAX_PATHS = 5;

/** Two values that differ at one JSON path. */
interface Found {
  a: unknown;
  b: unknown;
}

function paths(a: unknown, b: unknown): Map<string, Found> {
  const found = new Map<string, Found>();
  differences(a, b, '$', found);
  return found;
}

/** Every JSON path where the two values differ (a whole value when the types differ). */
function differences(a: unknown, b: unknown, at: string, found: Map<string, Found>): void {
  const objects = typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b);
  if (!objects) {
    if (!isDeepStrictEqual(a, b)) found.set(at, { a, b });
    return;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) differences(x, y, Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`, found);
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Text (not a binary body): a text, JSON, XML or JavaScript content type. */
function isText(response: ObservedResponse): boolean {
  return /^(text\/|application\/(json|xml|javascript)|[^;]*\+(json|xml))/i.test(response.contentType);
}

function firstByte(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
