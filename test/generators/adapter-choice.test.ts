import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import serverlessExpress from '@codegenie/serverless-express';
import express from 'express';
import serverlessHttp from 'serverless-http';

// The measurement behind the adapter of generated handlers (generators/handlers/emit-runtime.ts):
// the same Express app behind @codegenie/serverless-express 4.17 and serverless-http 4.0, asked
// with API Gateway payload 1.0 and 2.0 events. Both keep several Set-Cookie headers, decode
// binary request bodies and encode gzip responses; only serverless-express returns a binary
// body intact without a list of binary content types, and reads repeated 1.0 request headers.

type Result = {
  statusCode: number;
  body: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  cookies?: string[];
};
type Invoke = (event: unknown) => Promise<Result>;

const IMAGE = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function app(): express.Express {
  const a = express();
  a.use(express.raw({ type: 'application/octet-stream' }));
  a.get('/cookies', (req, res) => {
    res.cookie('a', '1', { httpOnly: true }).cookie('b', '2').cookie('c', '3');
    res.json({ cookie: req.headers.cookie ?? null });
  });
  a.get('/image', (_req, res) => void res.type('image/png').send(IMAGE));
  a.get('/gzip', (_req, res) => void res.set('Content-Encoding', 'gzip').type('text/plain').send(gzipSync('hello')));
  a.post('/upload', (req, res) => void res.json({ sha: sha(req.body as Buffer) }));
  a.get('/header', (req, res) => void res.json({ multi: req.headers['x-multi'] }));
  return a;
}

function v1(method: string, path: string, extra: { body?: string; base64?: boolean; headers?: Record<string, string[]> } = {}): unknown {
  const multi: Record<string, string[]> = { host: ['api.example.com'], ...extra.headers };
  const headers = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v[v.length - 1]!]));
  return {
    version: '1.0',
    resource: '/{proxy+}',
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: multi,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: '1',
      apiId: 'api',
      httpMethod: method,
      path,
      stage: 'prod',
      requestId: 'r',
      resourcePath: '/{proxy+}',
      identity: { sourceIp: '203.0.113.7' },
    },
    body: extra.body ?? null,
    isBase64Encoded: !!extra.base64,
  };
}

function v2(method: string, path: string, extra: { body?: string; base64?: boolean; headers?: Record<string, string>; cookies?: string[] } = {}): unknown {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: extra.cookies,
    headers: { host: 'api.example.com', ...extra.headers },
    requestContext: {
      accountId: '1',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 't' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body: extra.body,
    isBase64Encoded: !!extra.base64,
  };
}

const context = { awsRequestId: 'r', functionName: 'f', getRemainingTimeInMillis: () => 30_000 };
const adapters: Array<[string, Invoke]> = [
  [
    '@codegenie/serverless-express',
    (
      (h) => (e: unknown) =>
        h(e, context as never, () => undefined) as Promise<Result>
    )(serverlessExpress({ app: app() })),
  ],
  [
    'serverless-http',
    (
      (h) => (e: unknown) =>
        h(e as object, context) as Promise<Result>
    )(serverlessHttp(app())),
  ],
];

const bodyOf = (r: Result): Buffer => Buffer.from(r.body ?? '', r.isBase64Encoded ? 'base64' : 'utf8');

describe.each(adapters)('adapter %s', (name, invoke) => {
  const serverlessExpressOnly = name === '@codegenie/serverless-express';

  it('keeps three Set-Cookie headers apart (1.0: multiValueHeaders, 2.0: cookies) and passes request cookies', async () => {
    const one = await invoke(v1('GET', '/cookies', { headers: { cookie: ['x=1; y=2'] } }));
    expect(one.multiValueHeaders?.['set-cookie']).toHaveLength(3);
    const two = await invoke(v2('GET', '/cookies', { cookies: ['x=1', 'y=2'] }));
    expect(two.cookies).toHaveLength(3);
    expect(JSON.parse(bodyOf(two).toString()).cookie).toBe('x=1; y=2');
  });

  it('decodes a base64 binary request body (1.0 and 2.0)', async () => {
    const body = IMAGE.toString('base64');
    const headers = { 'content-type': 'application/octet-stream' };
    for (const event of [
      v1('POST', '/upload', { body, base64: true, headers: { 'content-type': ['application/octet-stream'] } }),
      v2('POST', '/upload', { body, base64: true, headers }),
    ]) {
      expect(JSON.parse(bodyOf(await invoke(event)).toString()).sha).toBe(sha(IMAGE));
    }
  });

  it('base64-encodes a gzip response', async () => {
    const r = await invoke(v2('GET', '/gzip'));
    expect(r.isBase64Encoded).toBe(true);
    expect(gunzipSync(bodyOf(r)).toString()).toBe('hello');
  });

  it(`${serverlessExpressOnly ? 'returns' : 'corrupts'} a binary (image/png) response without a list of binary types`, async () => {
    for (const event of [v1('GET', '/image'), v2('GET', '/image')]) {
      expect(bodyOf(await invoke(event)).equals(IMAGE)).toBe(serverlessExpressOnly);
    }
  });

  it(`${serverlessExpressOnly ? 'reads' : 'drops'} repeated payload 1.0 request headers`, async () => {
    const r = await invoke(v1('GET', '/header', { headers: { 'x-multi': ['a', 'b'] } }));
    expect(JSON.parse(bodyOf(r).toString()).multi).toBe(serverlessExpressOnly ? 'a,b' : 'b');
  });
});
