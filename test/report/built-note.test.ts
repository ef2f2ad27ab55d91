import { builtNote } from '../../generators/report/as-built';
import type { BundleReport } from '../../model/bundle-report';

const bundles: BundleReport = {
  schemaVersion: 1,
  options: '--bundle',
  wholeApp: { entry: 'src/server.ts', bytes: 2_000_000, ownBytes: 85_000 },
  bundles: [
    {
      id: 'healthz',
      kind: 'function',
      file: 'dist/functions/healthz/handler.js',
      bytes: 1_887_437,
      appBytes: 40_000,
      ownBytes: 41_650,
      packages: [],
      ownShare: 0.49,
      extraction: { kind: 'sliced' },
    },
    { id: 'expire-carts', kind: 'schedule', file: 'dist/schedules/expire-carts/handler.js', bytes: 1_000, appBytes: 300, ownBytes: 300, packages: [] },
  ],
  failures: [],
};

// The planner predicts a bundle from what its handler files import, before the generators slice
// the wiring: the report sets each warning about one function beside that function as built.
describe('report: planner warnings beside the functions as built', () => {
  it('says what the built bundle of the function holds', () => {
    const warning = { code: 'BUNDLE_IS_WHOLE_APP', function: 'healthz', message: 'function healthz bundles 91% of the app' };
    expect(builtNote(warning, bundles)).toBe(" (as built, sliced: 49% of the app's own code, 1.80 MiB)");
  });

  it('adds nothing before bundling, for a warning about no function, or for a function not built', () => {
    expect(builtNote({ code: 'BUNDLE_IS_WHOLE_APP', function: 'healthz', message: '' }, undefined)).toBe('');
    expect(builtNote({ code: 'STATE_TOO_WIDE_TO_BIND', message: '' }, bundles)).toBe('');
    expect(builtNote({ code: 'BUNDLE_OVER_LIMIT', function: 'gone', message: '' }, bundles)).toBe('');
  });
});
