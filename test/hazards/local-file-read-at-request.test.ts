import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// res.sendFile, res.download (also a binary download) and fs.promises.readFile in handlers; a
// path from __dirname and literals only (lines 8 and 15) is a file shipped with the code: info.
// readFileSync at module scope (boot) is not reported.
describe('hazards/local-file-read-at-request', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'local-file-read-at-request');
  });

  const read = (line: number, routes: string[], severity = 'warning') =>
    expect.objectContaining({ code: 'LOCAL_FILE_READ_AT_REQUEST', severity, file: 'app.js', line, routes });

  it('reports files read in handlers, for their routes', () => {
    expect(a.hazards).toContainEqual(read(8, ['GET /'], 'info'));
    expect(a.hazards).toContainEqual(read(11, ['GET /reports/:name']));
    expect(a.hazards).toContainEqual(read(15, ['GET /notes'], 'info'));
  });

  it('a path from __dirname and literals only names a file shipped with the code: info, not warning', () => {
    const notes = a.hazards.find((h) => h.code === 'LOCAL_FILE_READ_AT_REQUEST' && h.line === 15)!;
    expect(notes.message).toContain('reads a file shipped with the code');
    const download = a.hazards.find((h) => h.code === 'LOCAL_FILE_READ_AT_REQUEST' && h.line === 11)!;
    expect(download.message).toContain('never files written by other instances');
  });

  it('reports a download as a binary response too', () => {
    expect(a.hazards).toContainEqual(expect.objectContaining({ code: 'BINARY_OR_LARGE_BODY', file: 'app.js', line: 11, routes: ['GET /reports/:name'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'BINARY_OR_LARGE_BODY app.js:11',
      'LOCAL_FILE_READ_AT_REQUEST app.js:11',
      'LOCAL_FILE_READ_AT_REQUEST app.js:15',
      'LOCAL_FILE_READ_AT_REQUEST app.js:8',
    ]);
  });
});
