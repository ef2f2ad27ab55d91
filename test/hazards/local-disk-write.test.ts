import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// mkdirSync at import, a winston File transport, multer disk storage and `dest`, a log stream
// for morgan, writeFileSync and fs.promises.appendFile in handlers. Multer is also a binary body.
describe('hazards/local-disk-write', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'local-disk-write');
  });

  const write = (line: number, extra: object = {}) =>
    expect.objectContaining({ code: 'LOCAL_DISK_WRITE', severity: 'warning', file: 'app.js', line, ...extra });

  it('reports writes when the module loads', () => {
    expect(a.hazards).toContainEqual(
      write(9, { message: expect.stringContaining('`fs.mkdirSync(DATA_DIR, { recursive: true })` writes to the local disk when the module loads') }),
    );
    expect(a.hazards).toContainEqual(write(20, { message: expect.stringContaining('fs.createWriteStream') }));
  });

  it('reports log files with log advice', () => {
    expect(a.hazards).toContainEqual(write(12, { routes: ['POST /notes'], advice: expect.stringContaining('stdout') }));
  });

  it('reports multer disk storage for the routes that upload through it', () => {
    expect(a.hazards).toContainEqual(
      write(15, { routes: ['POST /avatar'], message: expect.stringContaining('multer disk storage'), advice: expect.stringContaining('S3') }),
    );
    expect(a.hazards).toContainEqual(write(17, { routes: ['POST /import'], message: expect.stringContaining('/tmp is writable but per instance') }));
  });

  it('reports writes in handlers', () => {
    expect(a.hazards).toContainEqual(write(23, { routes: ['POST /notes'] }));
    expect(a.hazards).toContainEqual(write(29, { routes: ['POST /audit'] }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual([
      'BINARY_OR_LARGE_BODY app.js:16',
      'BINARY_OR_LARGE_BODY app.js:17',
      'LOCAL_DISK_WRITE app.js:12',
      'LOCAL_DISK_WRITE app.js:15',
      'LOCAL_DISK_WRITE app.js:17',
      'LOCAL_DISK_WRITE app.js:20',
      'LOCAL_DISK_WRITE app.js:23',
      'LOCAL_DISK_WRITE app.js:29',
      'LOCAL_DISK_WRITE app.js:9',
    ]);
  });
});
