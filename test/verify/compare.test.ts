import { compareResponses } from '../../verifier/compare';
import { observeLambda } from '../../verifier/lambda-response';
import type { ObservedResponse } from '../../verifier/request-spec';

const response = (over: Partial<ObservedResponse>): ObservedResponse => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  setCookies: [],
  headers: {},
  body: Buffer.from('{"a":1}'),
  ...over,
});
const none = { bodyPaths: [] };

describe('compareResponses', () => {
  it('finds nothing when status, type, cookies and JSON data agree (key order and cookie values aside)', () => {
    const a = response({ body: Buffer.from('{"a":1,"b":[1,2]}'), setCookies: ['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/'] });
    const b = response({ body: Buffer.from('{"b":[1,2],"a":1}'), setCookies: ['theme=light; Path=/', 'sid=xyz; Path=/; HttpOnly'] });
    expect(compareResponses(a, b, none)).toEqual([]);
  });

  it('reports a different status, content type, cookie attribute and JSON value, each once', () => {
    const a = response({ setCookies: ['sid=1; Path=/; HttpOnly'] });
    const b = response({ status: 500, contentType: 'text/html', setCookies: ['sid=1; Path=/'], body: Buffer.from('{"a":2}') });
    expect(compareResponses(a, b, none)).toEqual([
      'status: monolith 200, function 500',
      "content-type: monolith 'application/json; charset=utf-8', function 'text/html'",
      'set-cookie: monolith [sid; httponly; path=/], function [sid; path=/]',
      'body: $.a: monolith 1, function 2',
    ]);
  });

  it('compares the headers that carry the answer (Location, Cache-Control, ...), not Date or ETag', () => {
    const a = response({ status: 201, headers: { location: '/users/7', 'cache-control': 'no-store', date: 'Mon', etag: 'W/"1"' } });
    expect(
      compareResponses(a, response({ status: 201, headers: { location: '/users/7', 'cache-control': 'no-store', date: 'Tue', etag: 'W/"2"' } }), none),
    ).toEqual([]);
    expect(compareResponses(a, response({ status: 201, headers: { location: '/prod/users/7' } }), none)).toEqual([
      "location: monolith '/users/7', function '/prod/users/7'",
      "cache-control: monolith 'no-store', function (absent)",
    ]);
  });

  it('compares binary bodies byte for byte', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
    const a = response({ contentType: 'image/png', body: png });
    expect(compareResponses(a, response({ contentType: 'image/png', body: Buffer.from(png) }), none)).toEqual([]);
    const changed = Buffer.from(png);
    changed[5] = 9;
    expect(compareResponses(a, response({ contentType: 'image/png', body: changed }), none)).toEqual([
      'body: 7 bytes from the monolith, 7 from the function; first difference at byte 5',
    ]);
  });

  it('lists up to five differing JSON paths, and shows text bodies around their first difference', () => {
    const a = response({ body: Buffer.from(JSON.stringify({ items: [1, 2, 3, 4, 5, 6, 7], name: 'a' })) });
    const b = response({ body: Buffer.from(JSON.stringify({ items: [0, 0, 0, 0, 0, 0, 7] })) });
    expect(compareResponses(a, b, none)).toEqual([
      'body: $.items[0]: monolith 1, function 0; $.items[1]: monolith 2, function 0; $.items[2]: monolith 3, function 0; $.items[3]: monolith 4, function 0; $.items[4]: monolith 5, function 0; and 2 more',
    ]);
    const html = (text: string) => response({ contentType: 'text/html', body: Buffer.from(text) });
    expect(compareResponses(html('<p>Hello Ada</p>'), html('<p>Hello Bob</p>'), none)).toEqual([
      'body: 16 bytes from the monolith, 16 from the function; first difference at byte 9: monolith "<p>Hello Ada</p>", function "<p>Hello Bob</p>"',
    ]);
  });

  it('leaves configured body paths out, with * over arrays', () => {
    const a = response({ body: Buffer.from('{"requestId":"r1","items":[{"id":1,"at":"x"}]}') });
    const b = response({ body: Buffer.from('{"requestId":"r2","items":[{"id":1,"at":"y"}]}') });
    expect(compareResponses(a, b, { bodyPaths: ['requestId', 'items.*.at'] })).toEqual([]);
  });
});

describe('observeLambda', () => {
  it('reads payload 2.0 cookies and base64 bodies, and payload 1.0 multi-value Set-Cookie', () => {
    expect(
      observeLambda({
        statusCode: 201,
        headers: { 'Content-Type': 'image/png' },
        cookies: ['a=1', 'b=2'],
        body: Buffer.from([1, 2]).toString('base64'),
        isBase64Encoded: true,
      }),
    ).toEqual({ status: 201, contentType: 'image/png', setCookies: ['a=1', 'b=2'], headers: { 'content-type': 'image/png' }, body: Buffer.from([1, 2]) });
    expect(observeLambda({ statusCode: 200, multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'], 'content-type': ['text/plain'] }, body: 'hi' })).toEqual({
      status: 200,
      contentType: 'text/plain',
      setCookies: ['a=1', 'b=2'],
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('hi'),
    });
  });
});
