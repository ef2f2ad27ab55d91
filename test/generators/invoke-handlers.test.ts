import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { readPlanSync } from '../../cli/plan-loader';
import { appAssets } from '../../bundler/app-assets';
import { bundleHandlers } from '../../bundler/bundle';
import { bundleEntries } from '../../cli/generate-into';
import { GOLDEN_PLAN, goldenDir, REPO, sampleDir } from '../../scripts/golden';
import type { Exchange } from '../support/invoke-functions-process';
import { describeWithTestPostgres, useSampleDatabase } from '../support/sample-database';

/** Sample values for route params (and whole paths for regular-expression routes). */
const PARAMS: Record<string, Record<string, string>> = {
  'shop-api': { productId: 'prd_001', reviewId: 'rev_001', slug: 'coffee', code: 'WELCOME10', id: 'ord_001' },
  'library-js': { id: '101', year: '2025', filepath: 'policies/loan-policy.txt', 'regex:/^\\/isbn\\/(\\d{10}|\\d{13})$/': '/isbn/9780000000101' },
};

// Every generated handler of both samples, bundled as it is deployed and invoked in process with an
// API Gateway HTTP API (payload 2.0) event, answers each of its GET routes as the monolith does.
describeWithTestPostgres('generators/handlers invoked').each(Object.keys(PARAMS) as Array<'shop-api' | 'library-js'>)(
  'generators/handlers invoked: %s',
  (name) => {
    let exchanges: Exchange[];
    let tmp: string;
    useSampleDatabase(name);

    beforeAll(async () => {
      const dir = goldenDir(name);
      const plan = readPlanSync(path.join(dir, GOLDEN_PLAN)).plan;
      // A folder without dot segments: `send` (res.sendFile) refuses paths through dot folders.
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `cleave-invoke-${name}-`));
      const built = await bundleHandlers(dir, sampleDir(name), bundleEntries(plan), appAssets(sampleDir(name), dir).assets);
      expect(built.failures).toEqual([]);
      for (const file of built.files) {
        fs.mkdirSync(path.dirname(path.join(tmp, file.path)), { recursive: true });
        fs.writeFileSync(path.join(tmp, file.path), file.contents);
      }
      fs.writeFileSync(path.join(tmp, 'params.json'), JSON.stringify(PARAMS[name]));
      const child = path.join(REPO, 'test', 'support', 'invoke-functions-process.ts');
      await promisify(execFile)(process.execPath, ['-r', 'tsx/cjs', child, path.join(dir, GOLDEN_PLAN), sampleDir(name), tmp, path.join(tmp, 'params.json')], {
        cwd: REPO,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 60_000,
      });
      exchanges = JSON.parse(fs.readFileSync(path.join(tmp, 'exchanges.json'), 'utf8')) as Exchange[];
    }, 120_000);

    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('asks every function at least one GET route', () => {
      expect(new Set(exchanges.map((e) => e.function)).size).toBeGreaterThan(3);
    });

    it('answers every GET route (no 404 or 500 where the monolith answers)', () => {
      const broken = exchanges.filter((e) => ![404, 500].includes(e.monolith) && [404, 500].includes(e.lambda));
      expect(broken).toEqual([]);
    });

    it("answers every GET route with the monolith's status", () => {
      const differing = exchanges
        .filter((e) => e.lambda !== e.monolith)
        .map((e) => `${e.function} ${e.route} (${e.path}): monolith ${e.monolith}, function ${e.lambda} ${e.lambdaBody}`);
      expect(differing).toEqual([]);
    });
  },
);
