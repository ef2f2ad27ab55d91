import type { RequestSpec } from './request-spec';

/** Payload format of the API Gateway event a function receives. */
export type PayloadVersion = 'v1' | 'v2';

const REQUEST_CONTEXT = { accountId: '123456789012', apiId: 'cleaveverify', domainName: 'verify.cleave.local', requestId: 'cleave-verify' };

/**
 * The API Gateway event for a request: HTTP API payload 2.0 (`v2`) or REST API 1.0 (`v1`).
 * `stage` is the API stage in the path (`/prod/...`), absent for the `$default` stage.
 */
export function apiGatewayEvent(spec: RequestSpec, version: PayloadVersion, stage?: string): Record<string, unknown> {
  const query = new URLSearchParams(spec.query).toString();
  const cookies = (spec.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const body = spec.body === undefined ? undefined : spec.body;
  const headers: Record<string, string> = { host: REQUEST_CONTEXT.domainName, 'user-agent': 'cleave-verify', ...spec.headers };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  if (version === 'v2') {
    const { cookie: _cookie, ...withoutCookie } = headers;
    const rawPath = stage ? `/${stage}${spec.path}` : spec.path;
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath,
      rawQueryString: query,
      ...(cookies.length > 0 ? { cookies } : {}),
      headers: withoutCookie,
      // HTTP API joins the values of a repeated parameter with commas.
      ...(spec.query.length > 0 ? { queryStringParameters: Object.fromEntries([...multiValue(spec.query)].map(([k, v]) => [k, v.join(',')])) } : {}),
      requestContext: {
        ...REQUEST_CONTEXT,
        domainPrefix: 'verify',
        http: { method: spec.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'cleave-verify' },
        routeKey: '$default',
        stage: stage ?? '$default',
        time: '01/Jan/2026:00:00:00 +0000',
        timeEpoch: 1767225600000,
      },
      ...(body !== undefined ? { body, isBase64Encoded: false } : { isBase64Encoded: false }),
    };
  }
  const multi = Object.fromEntries(multiValue(spec.query));
  return {
    resource: '/{proxy+}',
    path: spec.path,
    httpMethod: spec.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    // REST API keeps the last value of a repeated parameter here, and all of them below.
    queryStringParameters: spec.query.length > 0 ? Object.fromEntries(spec.query) : null,
    multiValueQueryStringParameters: spec.query.length > 0 ? multi : null,
    pathParameters: { proxy: spec.path.replace(/^\//, '') },
    stageVariables: null,
    requestContext: {
      ...REQUEST_CONTEXT,
      resourcePath: '/{proxy+}',
      httpMethod: spec.method,
      path: stage ? `/${stage}${spec.path}` : spec.path,
      stage: stage ?? 'prod',
      identity: { sourceIp: '127.0.0.1', userAgent: 'cleave-verify' },
    },
    body: body ?? null,
    isBase64Encoded: false,
  };
}

function multiValue(query: Array<[string, string]>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [k, v] of query) values.set(k, [...(values.get(k) ?? []), v]);
  return values;
}
