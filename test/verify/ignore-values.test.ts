import { compareAnswers } from '../../verifier/compare';
import type { ObservedResponse } from '../../verifier/request-spec';
import { compilePatterns } from '../../verifier/volatile-values';
import { VerifyConfig } from '../../model/verify-config';

const response = (body: unknown, over: Partial<ObservedResponse> = {}): ObservedResponse => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  setCookies: [],
  headers: {},
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  ...over,
});
const values = compilePatterns(['iso-timestamp', 'uuid', 'epoch-ms', { name: 'order-number', regex: 'ORD-[0-9]{6}' }]);

describe('verify.ignore: volatile values by pattern, headers, and what was left out', () => {
  it('compares timestamps, UUIDs, epoch numbers and own patterns by shape, and lists each field', () => {
    const a = response({
      id: 3,
      token: '3f2a8c1e-0000-4000-8000-000000000001',
      createdAt: '2026-01-31T10:00:00.123Z',
      at: 1767225600000,
      order: 'ORD-000001',
      name: 'Ada',
    });
    const b = response({
      id: 3,
      token: '9b1d2e3f-0000-4000-8000-000000000002',
      createdAt: '2026-01-31T10:00:02.456Z',
      at: 1767225602000,
      order: 'ORD-000002',
      name: 'Ada',
    });
    expect(compareAnswers(a, b, { bodyPaths: [], values })).toEqual({
      differences: [],
      ignored: ['$.token (uuid)', '$.createdAt (iso-timestamp)', '$.at (epoch-ms)', '$.order (order-number)'],
    });
  });

  it('still reports a difference beside a volatile value, with the values as sent', () => {
    const a = response({ createdAt: '2026-01-31T10:00:00Z', name: 'Ada' });
    const b = response({ createdAt: '2026-01-31T10:00:09Z', name: 'Bob' });
    expect(compareAnswers(a, b, { bodyPaths: [], values })).toEqual({
      differences: ['body: $.name: monolith "Ada", function "Bob"'],
      ignored: ['$.createdAt (iso-timestamp)'],
    });
  });

  it('does not take a value for a timestamp on one side only', () => {
    const a = response({ at: '2026-01-31T10:00:00Z' });
    const b = response({ at: 'never' });
    expect(compareAnswers(a, b, { bodyPaths: [], values }).differences).toEqual(['body: $.at: monolith "2026-01-31T10:00:00Z", function "never"']);
  });

  it('lists the body paths left out where the values differed, at their concrete place', () => {
    const a = response({ requestId: 'r1', items: [{ at: 1 }, { at: 2 }], same: 1 });
    const b = response({ requestId: 'r2', items: [{ at: 1 }, { at: 3 }], same: 1 });
    expect(compareAnswers(a, b, { bodyPaths: ['requestId', 'items.*.at'] })).toEqual({
      differences: [],
      ignored: ['$.requestId (bodyPaths)', '$.items[1].at (bodyPaths)'],
    });
  });

  it('masks the patterns in compared headers and text bodies; leaves out the headers named', () => {
    const a = response('<p>Made 2026-01-31T10:00:00Z</p>', {
      contentType: 'text/html',
      status: 201,
      headers: { location: '/orders/3f2a8c1e-0000-4000-8000-000000000001', 'cache-control': 'max-age=1' },
    });
    const b = response('<p>Made 2026-01-31T10:00:05Z</p>', {
      contentType: 'text/html',
      status: 201,
      headers: { location: '/orders/9b1d2e3f-0000-4000-8000-000000000002', 'cache-control': 'max-age=2' },
    });
    expect(compareAnswers(a, b, { bodyPaths: [], values, headers: ['cache-control'] })).toEqual({
      differences: [],
      ignored: ['location header (uuid)', 'cache-control header (headers)', 'body (iso-timestamp)'],
    });
  });

  it('takes built-in names and { name, regex } in the config, and refuses a regex that does not compile', () => {
    expect(VerifyConfig.parse({ ignore: { values: ['uuid', { name: 'n', regex: 'N-[0-9]+' }], headers: ['location'] } }).ignore).toEqual({
      bodyPaths: [],
      values: ['uuid', { name: 'n', regex: 'N-[0-9]+' }],
      headers: ['location'],
    });
    expect(VerifyConfig.safeParse({ ignore: { values: ['guid'] } }).success).toBe(false);
    expect(VerifyConfig.safeParse({ ignore: { values: [{ name: 'bad', regex: '(' }] } }).error?.issues[0]?.message).toBe('not a valid regular expression');
  });
});
