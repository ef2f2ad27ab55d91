import * as path from 'node:path';
import { isCodeFile, moduleCandidates } from '../../model/module-paths';

// The one order in which every resolver of cleave (the analysis' module resolver, the route
// evaluator's loader, the hazard detectors, the generators' slicer) tries the files a relative
// specifier may name.
describe('model/module-paths moduleCandidates', () => {
  const slash = (dir: string, name: string) => `${dir}/${name}`;

  it('tries the path as written, with each code extension, then the folder index', () => {
    const tried = moduleCandidates('routes/users', slash);
    expect(tried.slice(0, 4)).toEqual(['routes/users', 'routes/users.ts', 'routes/users.tsx', 'routes/users.js']);
    expect(tried.indexOf('routes/users.js')).toBeLessThan(tried.indexOf('routes/users/index.ts'));
    expect(tried).not.toContain('routes/users.json');
    expect(moduleCandidates('data/list', path.posix.join, true)).toContain('data/list.json');
  });

  it('tries the TypeScript source of a `.js` specifier (ESM-style imports in TypeScript)', () => {
    expect(moduleCandidates('src/app.js', slash)).toEqual(expect.arrayContaining(['src/app.ts', 'src/app.tsx']));
    expect(moduleCandidates('src/app.mjs', slash)).toContain('src/app.mts');
    expect(moduleCandidates('src/app.mjs', slash)).not.toContain('src/app.ts');
  });

  it('tells code files from declarations and data', () => {
    expect(['a.ts', 'a.cjs', 'a.d.ts', 'a.json'].map(isCodeFile)).toEqual([true, true, false, false]);
  });
});
