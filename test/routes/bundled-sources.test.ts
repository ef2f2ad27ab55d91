import { isBundled } from '../../analyzer/load/source-files';

// Minified or bundled output (a front-end build kept beside the server) is not parsed: its lines
// average far longer than hand-written code, or a single line holds a whole module.
describe('routes/bundled-sources', () => {
  const handWritten = Array.from({ length: 1000 }, (_, i) => `  router.get('/items/${i}', handler);`).join('\n');

  it('keeps hand-written code of any size', () => {
    expect(handWritten.length).toBeGreaterThan(20_000);
    expect(isBundled(handWritten)).toBe(false);
  });

  it('skips a file whose lines average hundreds of characters', () => {
    const minified = Array.from({ length: 100 }, () => 'var a=function(b){return b+1};'.repeat(10)).join('\n');
    expect(isBundled(minified)).toBe(true);
  });

  it('skips a file with one line longer than a whole module', () => {
    expect(isBundled(`${handWritten}\n${'x'.repeat(25_000)}`)).toBe(true);
  });

  it('keeps small files whatever their lines', () => {
    expect(isBundled('x'.repeat(10_000))).toBe(false);
  });
});
