import { apiGatewayEvent } from '../../cli/verify/events';
import { buildRequests, fillPath } from '../../cli/verify/requests';
import type { Route } from '../../model/analysis';
import { VerifyConfig } from '../../model/verify-config';

const route = (method: string, path: string): Route => ({
  id: `${method} ${path}`, method, path, file: 'a.js', line: 1,
  handler: { name: 'h', file: 'a.js', line: 1 }, middleware: [], deps: { files: [], packages: [], env: [], entities: [] },
});

describe('fillPath', () => {
  it.each([
    ['/users/:id', { id: '7' }, '/users/7'],
    ['/users/:id/posts/:postId?', {}, '/users/1/posts/1'],
    ['/files/*filepath', { filepath: 'a/b.txt' }, '/files/a/b.txt'],
    ['/events{/:year}', {}, '/events'],
    ['/api/*', {}, '/api/x'],
    ['/user/:id(\\d+)', { id: '5' }, '/user/5'],
  ])('%s → %s', (path, params, expected) => expect(fillPath(path, params)).toBe(expected));

  it.each(['regex:/^\\/isbn/', '/api + regex:/x/', '{?}/users', '/ftp(?!/quarantine)/:file'])('cannot fill %s', (path) => expect(fillPath(path, {})).toBeUndefined());
});

describe('buildRequests', () => {
  it('GETs every reading route, needs verify.requests for the others, and honours skip', () => {
    const config = VerifyConfig.parse({
      params: { id: 'u1' },
      headers: { authorization: 'Bearer t' },
      requests: [{ route: 'POST /users', body: { name: 'Ada' }, query: { dryRun: 'true' } }],
      skip: ['GET /stream'],
    });
    const { requests, skipped } = buildRequests([route('GET', '/users/:id'), route('POST', '/users'), route('DELETE', '/users/:id'), route('GET', '/stream')], config);
    expect(requests).toEqual([
      { route: 'GET /users/:id', method: 'GET', path: '/users/u1', query: [], headers: { authorization: 'Bearer t' }, body: undefined },
      { route: 'POST /users', method: 'POST', path: '/users', query: [['dryRun', 'true']], headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"name":"Ada"}' },
    ]);
    expect(skipped.map((s) => s.route)).toEqual(['DELETE /users/:id', 'GET /stream']);
  });
});

describe('apiGatewayEvent', () => {
  const spec = { route: 'GET /a', method: 'GET', path: '/a', query: [['q', '1'], ['q', '2']] as Array<[string, string]>, headers: { cookie: 'a=1; b=2', accept: 'text/html' } };

  it('builds an HTTP API 2.0 event with cookies, the raw query string and a stage prefix', () => {
    const event = apiGatewayEvent(spec, 'v2', 'prod') as Record<string, any>;
    expect(event).toMatchObject({ version: '2.0', rawPath: '/prod/a', rawQueryString: 'q=1&q=2', cookies: ['a=1', 'b=2'], requestContext: { stage: 'prod', http: { method: 'GET', path: '/prod/a' } } });
    expect(event.headers.cookie).toBeUndefined();
  });

  it('builds a REST API 1.0 event with multi-value query parameters', () => {
    const event = apiGatewayEvent(spec, 'v1') as Record<string, any>;
    expect(event).toMatchObject({ httpMethod: 'GET', path: '/a', multiValueQueryStringParameters: { q: ['1', '2'] }, headers: { cookie: 'a=1; b=2' } });
  });
});
