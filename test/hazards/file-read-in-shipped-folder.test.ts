import type { Analysis } from '../../model/analysis';
import { Config } from '../../model/config';
import { planSplit } from '../../planner/plan-split';
import { analyzeFixture } from '../support/analyze-fixture';

// A template loader reads `path.join(__dirname, 'email-templates', `${name}.hbs`)`: the name is
// known at run time, the folder of templates is kept with the code and nothing writes there, so
// the read is info and its route goes to a function. A folder the source tree does not hold
// (local-file-read-at-request's reports/) is filled at run time: that read stays a warning. The same shape in a folder requests write to (avatars) stays
// a warning, and that route stays in the monolith.
describe('hazards/file-read-in-shipped-folder', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'file-read-in-shipped-folder');
  });

  it('a file named at run time in a shipped folder no code writes to is a shipped file: info', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'LOCAL_FILE_READ_AT_REQUEST',
        severity: 'info',
        line: 9,
        routes: ['GET /emails/:template'],
        message: expect.stringContaining('named at run time in email-templates/, a folder of files beside the code that no code of the app writes to'),
      }),
    );
  });

  it('the same read in a folder of files the app also writes to stays a warning', () => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({ code: 'LOCAL_FILE_READ_AT_REQUEST', severity: 'warning', line: 19, routes: ['GET /avatars/:name'] }),
    );
  });

  it('the planner keeps only the route reading what requests write', () => {
    const plan = planSplit(a, Config.parse({ strategy: 'per-route' }));
    expect(plan.keep.map((k) => k.route)).toEqual(['GET /avatars/:name']);
    expect(plan.functions.flatMap((f) => f.routes)).toContain('GET /emails/:template');
  });
});
