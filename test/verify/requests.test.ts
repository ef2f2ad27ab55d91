import { apiGatewayEvent } from '../../verifier/events';
import { buildRequests, fillPath } from '../../verifier/requests';
import type { Route } from '../../model/analysis';
import { VerifyConfig } from '../../model/verify-config';

const route = (method: string, path: string): Route => ({
  id: `${method} ${path}`,
  method,
  path,
  file: 'a.js',
  line: 1,
  handler: { name: 'h', file: 'a.js', line: 1 },
  middleware: [],
  deps: { files: [], packages: [], env: [], entities: [] },
});

describe('fillPath', () => {
  it.each([
    ['/users/:id', { id: '7' }, '/users/7'],
    ['/users/:id/posts/:postId?', {}, '/users/1/posts/1'],
    ['/files/*filepath', { filepath: 'a/b.txt' }, '/files/a/b.txt'],
    ['/events{/:year}', {}, '/events'],
    ['/events{/:year}', { year: '2025' }, '/events/2025'],
    ['/a{/:b{/:c}}', { b: 'x' }, '/a/x'],
    ['/api/*', {}, '/api/x'],
    ['/user/:id(\\d+)', { id: '5' }, '/user/5'],
  ])('%s → %s', (path, params, expected) => expect(fillPath(path, params)).toBe(expected));

  it.each(['regex:/^\\/isbn/', '/api + regex:/x/', '{?}/users', '/ftp(?!/quarantine)/:file'])('cannot fill %s', (path) =>
    expect(fillPath(path, {})).toBeUndefined(),
  );
});

describe('buildRequests', () => {
  it('GETs every reading route, needs verify.requests for the others, and honours skip', () => {
    const config = VerifyConfig.parse({
      params: { id: 'u1' },
      headers: { authorization: 'Bearer t' },
      requests: [{ route: 'POST /users', body: { name: 'Ada' }, query: { dryRun: 'true' } }],
      skip: ['GET /stream'],
    });
    const { requests, skipped } = buildRequests(
      [route('GET', '/users/:id'), route('POST', '/users'), route('DELETE', '/users/:id'), route('GET', '/stream')],
      config,
    );
    expect(requests).toEqual([
      { route: 'GET /users/:id', method: 'GET', path: '/users/u1', query: [], headers: { authorization: 'Bearer t' }, body: undefined },
      {
        route: 'POST /users',
        method: 'POST',
        path: '/users',
        query: [['dryRun', 'true']],
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"name":"Ada"}',
      },
    ]);
    expect(skipped.map((s) => s.route)).toEqual(['DELETE /users/:id', 'GET /stream']);
  });

  it('sends default GETs first, then verify.requests in the order written, across routes', () => {
    const config = VerifyConfig.parse({
      requests: [
        { route: 'POST /users', body: { name: 'Ada' } },
        { route: 'GET /users/:id', params: { id: 'u9' } },
        { route: 'DELETE /users/:id', params: { id: 'u9' } },
        { route: 'GET /users/:id', params: { id: 'u9' } },
      ],
    });
    const { requests } = buildRequests([route('DELETE', '/users/:id'), route('GET', '/users/:id'), route('GET', '/health'), route('POST', '/users')], config);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /health', 'POST /users', 'GET /users/u9', 'DELETE /users/u9', 'GET /users/u9']);
  });

  it('repeats list query values, takes a literal path for regex routes, and keeps per-request ignores', () => {
    const config = VerifyConfig.parse({
      requests: [
        { route: 'GET /search', query: { tag: ['a', 'b'], q: 'x y' } },
        { route: 'GET regex:/^\\/isbn\\/(\\d+)$/', path: '/isbn/123' },
        { route: 'POST /users', body: 'name=Ada', headers: { 'content-type': 'application/x-www-form-urlencoded' }, ignore: { bodyPaths: ['id'] } },
      ],
    });
    const { requests, skipped } = buildRequests(
      [route('GET', '/search'), route('GET', 'regex:/^\\/isbn\\/(\\d+)$/'), route('POST', '/users'), route('GET', 'regex:/^\\/x/')],
      config,
    );
    expect(requests[0]!.query).toEqual([
      ['tag', 'a'],
      ['tag', 'b'],
      ['q', 'x y'],
    ]);
    expect(requests[1]!.path).toBe('/isbn/123');
    expect(requests[2]).toMatchObject({ body: 'name=Ada', headers: { 'content-type': 'application/x-www-form-urlencoded' }, ignoreBodyPaths: ['id'] });
    expect(skipped).toEqual([{ route: 'GET regex:/^\\/x/', reason: expect.stringContaining('give the request a `path`') }]);
  });

  it('says why a route is skipped, and names configured routes no function serves', () => {
    const config = VerifyConfig.parse({
      skip: [{ route: 'GET /stream', reason: 'server-sent events never end' }, 'GET /kept'],
      requests: [{ route: 'POST /typo' }],
    });
    const built = buildRequests([route('GET', '/stream')], config);
    expect(built.skipped).toEqual([{ route: 'GET /stream', reason: 'skipped by verify.skip: server-sent events never end' }]);
    expect(built.unknown).toEqual(['POST /typo', 'GET /kept']);
  });
});

describe('apiGatewayEvent', () => {
  const spec = {
    route: 'GET /a',
    method: 'GET',
    path: '/a',
    query: [
      ['q', '1'],
      ['q', '2'],
    ] as Array<[string, string]>,
    headers: { cookie: 'a=1; b=2', accept: 'text/html' },
  };

  it('builds an HTTP API 2.0 event with cookies, the raw query string and a stage prefix', () => {
    const event = apiGatewayEvent(spec, 'v2', 'prod') as Record<string, any>;
    expect(event).toMatchObject({
      version: '2.0',
      rawPath: '/prod/a',
      rawQueryString: 'q=1&q=2',
      cookies: ['a=1', 'b=2'],
      requestContext: { stage: 'prod', http: { method: 'GET', path: '/prod/a' } },
    });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.queryStringParameters).toEqual({ q: '1,2' });
  });

  it('builds a REST API 1.0 event with multi-value query parameters', () => {
    const event = apiGatewayEvent(spec, 'v1') as Record<string, any>;
    expect(event).toMatchObject({ httpMethod: 'GET', path: '/a', multiValueQueryStringParameters: { q: ['1', '2'] }, headers: { cookie: 'a=1; b=2' } });
  });
});
