/**
 * verify's summary splits the requests answered alike into those that succeeded and those that
 * failed with the same error status: a 401 on both sides is an auth wall, alike without proving
 * anything about the function, and the summary says how to get past it (verify.headers).
 */
import * as path from 'node:path';
import { REPO, type SplitOutput, differences, splitIntoTemp, verifyRun } from '../support/verify-run';

const APP = path.join(REPO, 'test', 'fixtures', 'verify', 'auth-wall');
let split: SplitOutput;

beforeAll(async () => {
  split = await splitIntoTemp(APP);
});

afterAll(() => split?.remove());

describe('verify behind an auth wall (fixture auth-wall)', () => {
  it('counts 401s on both sides as alike on the same error status, not on success, and says how to get past the wall', async () => {
    const run = await verifyRun(split);
    expect(differences(run.report)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.summary).toMatchObject({
      requests: 3,
      matched: 3,
      mismatched: 0,
      matchedOnSuccess: 1,
      matchedOnError: 2,
      matchedErrorStatuses: { '401': 2 },
    });
    expect(run.stdout).toContain('3 alike, 0 different (alike: 1 on success, 2 on the same error status: 401 ×2)');
    expect(run.stdout).toContain('2 of the alike requests were refused on both sides (401/403): that shows the auth wall, not the function behind it.');
    expect(run.stdout).toContain(
      'verify.headers are sent with every request, headers on a verify.requests entry with that one (authorization: Bearer <token> of a token both sides accept;',
    );
  });

  it('with the token in verify.headers, the routes behind the wall succeed alike and the note is gone', async () => {
    const run = await verifyRun(split, '--config', path.join(APP, 'with-token.yaml'));
    expect(run.code).toBe(0);
    expect(run.report.summary).toMatchObject({ matched: 3, matchedOnSuccess: 2, matchedOnError: 1, matchedErrorStatuses: { '404': 1 } });
    expect(run.stdout).toContain('3 alike, 0 different (alike: 2 on success, 1 on the same error status: 404 ×1)');
    expect(run.stdout).not.toContain('auth wall');
  });
});
