import * as http from 'node:http';
import type { ObservedResponse, RequestSpec } from './request-spec';

/**
 * Sends a request to a server on `baseUrl` (the monolith, or serverless-offline) and reduces the
 * answer to what verify compares. Every request gets its own connection: a kept-alive socket can
 * be closed by the server while this process is busy loading a handler synchronously, and the
 * next request on it would fail with `other side closed`. Redirects are not followed.
 * `pathPrefix` goes in front of the request path (`/prod` for an API stage).
 */
export function sendHttp(baseUrl: string, spec: RequestSpec, pathPrefix = '', timeoutMs = 30_000): Promise<ObservedResponse> {
  const url = new URL(baseUrl);
  const query = spec.query.length > 0 ? '?' + new URLSearchParams(spec.query).toString() : '';
  const headers: Record<string, string> = { 'user-agent': 'cleave-verify', connection: 'close', ...spec.headers };
  if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname: url.hostname, port: url.port, method: spec.method, path: pathPrefix + spec.path + query, headers, agent: false, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: headerText(response.headers['content-type']),
            setCookies: response.headers['set-cookie'] ?? [],
            headers: Object.fromEntries(
              Object.entries(response.headers)
                .filter(([name]) => name !== 'set-cookie')
                .map(([name, value]) => [name, headerText(value)]),
            ),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${spec.method} ${spec.path}: no answer from ${baseUrl} within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(spec.body);
  });
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
