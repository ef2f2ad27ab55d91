import { generateReport } from '../../generators/report';
import { DIFFERENCE_LIMIT } from '../../generators/report/verification';
import type { SplitPlan } from '../../model/plan';
import { VerificationSummary } from '../../model/verification';
import { reportPlan } from '../support/report-plan';

/** A verification summary of `n` requests to `fn`, the ones in `different` answered differently. */
function summary(fn: string, n: number, different: number[], extra: Partial<VerificationSummary> = {}): VerificationSummary {
  const results = Array.from({ length: n }, (_, i) => ({
    function: fn,
    route: 'GET /api/users/:id',
    request: `GET /api/users/${i}`,
    monolithStatus: 200,
    functionStatus: different.includes(i) ? 500 : 200,
    differences: different.includes(i) ? ['status: monolith 200, function 500', 'body: $.name: monolith "<Ada>", function (absent)'] : [],
  }));
  const mismatched = different.length;
  return VerificationSummary.parse({
    payload: 'v2',
    results,
    skipped: [],
    summary: {
      requests: n,
      matched: n - mismatched,
      mismatched,
      matchedOnSuccess: n - mismatched,
      matchedOnError: 0,
      matchedErrorStatuses: {},
      routes: 2,
      exercised: 1,
      skipped: 0,
    },
    ...extra,
  });
}

describe('the report with a verification summary', () => {
  let plan: SplitPlan;
  beforeAll(async () => {
    plan = await reportPlan();
  });

  it('has no verification section before verify has run', () => {
    const [md = '', html = ''] = generateReport(plan).map((f) => String(f.contents));
    expect(md).not.toContain('Verification');
    expect(html).not.toContain('id="verification"');
  });

  it('summarises the run, counts per function, lists each difference and what was not exercised', () => {
    const fn = plan.functions[0]!.id;
    const v = summary(fn, 3, [1], {
      stage: 'prod',
      skipped: [{ route: 'GET /api/users', reason: 'skipped by verify.skip: streams' }],
      unknownRoutes: ['POST /typo'],
    });
    const [md = '', html = ''] = generateReport(plan, v).map((f) => String(f.contents));
    expect(md).toContain(
      '- Verified: 3 requests over 1 of 2 function routes (payload v2, stage `prod`): 2 alike, 1 different (alike: all on success) (see [Verification](#verification))',
    );
    expect(md).toContain(`| \`${fn}\` | 3 | 2 | **1** |`);
    expect(md).toContain(
      `- \`GET /api/users/1\` (route \`GET /api/users/:id\`, function \`${fn}\`): monolith 200, function 500\n  - status: monolith 200, function 500\n  - body: $.name: monolith "<Ada>", function (absent)`,
    );
    expect(md).toContain('| `GET /api/users` | skipped by verify.skip: streams |');
    expect(md).toContain('Named in the verify config but served by no function: `POST /typo`.');
    expect(md.indexOf('## Verification')).toBeGreaterThan(md.indexOf('## Metrics'));

    expect(html).toContain('<h2 id="verification">Verification</h2>');
    expect(html).toContain('<b>2/3</b>requests answered alike (verify)');
    expect(html).toContain('<li>body: $.name: monolith &quot;&lt;Ada&gt;&quot;, function (absent)</li>');
    expect(html).not.toContain('"<Ada>"');
  });

  it('splits the alike requests by status and says how to get past an auth wall', () => {
    const walled = summary(plan.functions[0]!.id, 3, []);
    walled.results[1]!.monolithStatus = walled.results[1]!.functionStatus = 401;
    walled.results[2]!.monolithStatus = walled.results[2]!.functionStatus = 404;
    Object.assign(walled.summary, { matchedOnSuccess: 1, matchedOnError: 2, matchedErrorStatuses: { '401': 1, '404': 1 } });
    const [md = '', html = ''] = generateReport(plan, walled).map((f) => String(f.contents));
    expect(md).toContain('3 alike, 0 different (alike: 1 on success, 2 on the same error status: 401 ×1, 404 ×1)');
    expect(md).toContain(
      '1 of the alike requests was refused on both sides (401/403): that shows the auth wall, not the function behind it. To get past it, give verify credentials in cleave.config.yaml: `verify.headers`',
    );
    expect(html).toContain('<p class="auth-wall">1 of the alike requests was refused on both sides (401/403)');
    expect(html).toContain('<code>authorization: Bearer &lt;token&gt;</code>');
    const open = summary(plan.functions[0]!.id, 2, []);
    open.results[1]!.monolithStatus = open.results[1]!.functionStatus = 404;
    Object.assign(open.summary, { matchedOnSuccess: 1, matchedOnError: 1, matchedErrorStatuses: { '404': 1 } });
    expect(String(generateReport(plan, open)[0]!.contents)).not.toContain('auth wall');
  });

  it(`lists at most ${DIFFERENCE_LIMIT} differing requests one by one`, () => {
    const v = summary(
      plan.functions[0]!.id,
      DIFFERENCE_LIMIT + 5,
      Array.from({ length: DIFFERENCE_LIMIT + 5 }, (_, i) => i),
    );
    const md = String(generateReport(plan, v)[0]!.contents);
    expect(md.match(/^- `GET \/api\/users\/\d+`/gm)).toHaveLength(DIFFERENCE_LIMIT);
    expect(md).toContain('- ... and 5 more (verification.json lists them all)');
  });
});
