import { appFile, bundleDir, handlerFile, relativeSpecifier, safeSegment } from '../../generators/layout';

// Ids become path segments: whatever a hand-edited plan says, no generated path leaves the output folder.
describe('generators/layout', () => {
  it.each([
    ['products', 'products'],
    ['../../etc', 'etc'],
    ['a/b\\c', 'a-b-c'],
    ['..', 'unnamed'],
    ['Products Reviews', 'products-reviews'],
  ])('safeSegment(%j) = %j', (id, segment) => {
    expect(safeSegment(id)).toBe(segment);
    expect(handlerFile(id)).toBe(`functions/${segment}/handler.ts`);
    expect(bundleDir('function', id)).toBe(`dist/functions/${segment}`);
  });

  it('imports app files relative to the generated module, without TypeScript or JavaScript extensions', () => {
    expect(relativeSpecifier('functions/a/handler.ts', appFile('../samples/shop-api', 'src/routes/index.ts'))).toBe(
      '../../../samples/shop-api/src/routes/index',
    );
    expect(relativeSpecifier('functions/a/handler.ts', appFile('..', 'app.js'))).toBe('../../../app');
    expect(relativeSpecifier('functions/a/handler.ts', 'functions/_cleave/runtime.ts')).toBe('../_cleave/runtime');
    expect(relativeSpecifier('functions/a/handler.ts', appFile('.', 'lib/data.json'))).toBe('../../lib/data.json');
  });
});
