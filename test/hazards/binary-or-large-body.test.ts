import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// multer (memory storage), a body-parser limit of 50mb, express.raw for octet streams with a
// 25mb limit, and a file piped into the response. `express.json({ limit: '1mb' })` is fine.
describe('hazards/binary-or-large-body', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'binary-or-large-body');
  });

  const body = (line: number, extra: object = {}) =>
    expect.objectContaining({ code: 'BINARY_OR_LARGE_BODY', severity: 'warning', file: 'app.js', line, ...extra });

  it('reports multer for the routes that upload through it', () => {
    expect(a.hazards).toContainEqual(body(7, { routes: ['POST /photos'], advice: expect.stringContaining('presigned') }));
  });

  it('reports a body limit above 6 MB', () => {
    expect(a.hazards).toContainEqual(body(10, { message: expect.stringContaining('up to 50mb') }));
  });

  it('reports a raw binary parser once, with its limit', () => {
    expect(a.hazards).toContainEqual(body(13, { routes: ['PUT /blobs/:id'], message: expect.stringContaining('reads binary request bodies up to 25mb') }));
  });

  it('reports a response stream', () => {
    expect(a.hazards).toContainEqual(body(15, { routes: ['GET /export'], message: expect.stringContaining('streams the response') }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'BINARY_OR_LARGE_BODY app.js:10',
      'BINARY_OR_LARGE_BODY app.js:13',
      'BINARY_OR_LARGE_BODY app.js:15',
      'BINARY_OR_LARGE_BODY app.js:7',
      'LOCAL_FILE_READ_AT_REQUEST app.js:15',
    ]);
  });
});
