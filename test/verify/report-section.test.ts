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
    summary: { requests: n, matched: n - mismatched, mismatched, routes: 2, exercised: 1, skipped: 0 },
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
    const v = summary(fn, 3, [1], { stage: 'prod', skipped: [{ route: 'GET /api/users', reason: 'skipped by verify.skip: streams' }], unknownRoutes: ['POST /typo'] });
    const [md = '', html = ''] = generateReport(plan, v).map((f) => String(f.contents));
    expect(md).toContain('- Verified: 3 requests over 1 of 2 function routes (payload v2, stage `prod`): 2 alike, 1 different (see [Verification](#verification))');
    expect(md).toContain(`| \`${fn}\` | 3 | 2 | **1** |`);
    expect(md).toContain(`- \`GET /api/users/1\` (route \`GET /api/users/:id\`, function \`${fn}\`): monolith 200, function 500\n  - status: monolith 200, function 500\n  - body: $.name: monolith "<Ada>", function (absent)`);
    expect(md).toContain('| `GET /api/users` | skipped by verify.skip: streams |');
    expect(md).toContain('Named in the verify config but served by no function: `POST /typo`.');
    expect(md.indexOf('## Verification')).toBeGreaterThan(md.indexOf('## Metrics'));

    expect(html).toContain('<h2 id="verification">Verification</h2>');
    expect(html).toContain('<b>2/3</b>requests answered alike (verify)');
    expect(html).toContain('<li>body: $.name: monolith &quot;&lt;Ada&gt;&quot;, function (absent)</li>');
    expect(html).not.toContain('"<Ada>"');
  });

  it(`lists at most ${DIFFERENCE_LIMIT} differing requests one by one`, () => {
    const v = summary(plan.functions[0]!.id, DIFFERENCE_LIMIT + 5, Array.from({ length: DIFFERENCE_LIMIT + 5 }, (_, i) => i));
    const md = String(generateReport(plan, v)[0]!.contents);
    expect(md.match(/^- `GET \/api\/users\/\d+`/gm)).toHaveLength(DIFFERENCE_LIMIT);
    expect(md).toContain('- ... and 5 more (verification.json lists them all)');
  });
});
