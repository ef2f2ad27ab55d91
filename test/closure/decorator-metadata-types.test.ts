import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';

// Under emitDecoratorMetadata, the type of a decorated class's constructor parameter is a value:
// TypeScript records the class in design:paramtypes and the container builds it from there. A
// route whose service takes `private readonly clock: Clock` needs clock.ts, which it imports for
// that type only.
describe('closure/decorator metadata types', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('generators', 'decorator-metadata');
  }, 60_000);

  it("counts the constructor parameters' types of decorated classes as what the route loads", () => {
    const greet = a.routes.find((r) => r.id === 'GET /greet/:name')!;
    expect(greet.deps.files).toEqual(expect.arrayContaining(['src/services/greeter.ts', 'src/services/clock.ts']));
    const notices = a.routes.find((r) => r.id === 'GET /notices')!;
    expect(notices.deps.files).toEqual(expect.arrayContaining(['src/services/notices.ts', 'src/services/clock.ts']));
    expect(notices.deps.files).not.toContain('src/services/greeter.ts');
  });
});
