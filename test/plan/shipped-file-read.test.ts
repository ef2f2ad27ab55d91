import { analyzeApp } from '../../analyzer/analyze';
import { planSplit } from '../../planner/plan-split';
import type { Analysis } from '../../model/analysis';
import type { SplitPlan } from '../../model/plan';
import { fixtureDir } from '../support/analyze-fixture';
import { configOf } from '../support/plan-fixtures';

// Found on Ghost: an app-level middleware that may send a maintenance page read from
// `path.resolve(__dirname, ...)` reaches every route. Because some request writes local files,
// every route went to `keep` and the plan had no function at all. A file shipped with the code
// is not one a request wrote: only the route reading uploads stays.
describe('plan/shipped-file-read (maintenance-page)', () => {
  const dir = fixtureDir('plan', 'maintenance-page');
  let analysis: Analysis;
  let plan: SplitPlan;
  beforeAll(async () => {
    analysis = await analyzeApp({ appDir: dir });
    plan = await planSplit(analysis, configOf());
  }, 60_000);

  it('reports the maintenance page as a read of a shipped file (info) and the upload read as a warning', () => {
    const reads = analysis.hazards.filter((h) => h.code === 'LOCAL_FILE_READ_AT_REQUEST').map((h) => [h.file, h.line, h.severity]);
    expect(reads).toEqual([
      ['routes/avatars.js', 15, 'warning'],
      ['server.js', 12, 'info'],
    ]);
  });

  it('keeps only the route that reads what another request wrote', () => {
    expect(plan.keep.map((k) => k.route)).toEqual(['GET /avatars/:name']);
    expect(plan.keep[0]!.reason).toContain('LOCAL_FILE_READ_AT_REQUEST routes/avatars.js:15');
    const placed = plan.functions.flatMap((f) => f.routes).sort();
    expect(placed).toEqual(['GET /books', 'GET /books/:id', 'GET /health', 'PUT /avatars/:name']);
  });
});
