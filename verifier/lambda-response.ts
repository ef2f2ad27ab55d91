import type { ObservedResponse } from './request-spec';

/** What a Lambda proxy integration returns (payload 1.0 or 2.0). */
export interface LambdaResult {
  /** HTTP status. */
  statusCode?: number;
  /** Single-value headers. */
  headers?: Record<string, string | number | boolean>;
  /** Multi-value headers (payload 1.0). */
  multiValueHeaders?: Record<string, Array<string | number | boolean>>;
  /** Cookies (payload 2.0). */
  cookies?: string[];
  /** Body, base64 when `isBase64Encoded`. */
  body?: string;
  /** Whether `body` is base64. */
  isBase64Encoded?: boolean;
}

/** Reduces a function's result to what verify compares. */
export function observeLambda(result: LambdaResult): ObservedResponse {
  const headers = lower(result.headers ?? {});
  const multi = Object.fromEntries(Object.entries(result.multiValueHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v.map(String)]));
  const setCookies = [...(result.cookies ?? []), ...(multi['set-cookie'] ?? []), ...(headers['set-cookie'] ? [headers['set-cookie']] : [])];
  const contentType = headers['content-type'] ?? multi['content-type']?.[0] ?? '';
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  const others = { ...Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.join(', ')])), ...headers };
  delete others['set-cookie'];
  return { status: result.statusCode ?? 200, contentType, setCookies: [...new Set(setCookies)], headers: others, body };
}

function lower(headers: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
