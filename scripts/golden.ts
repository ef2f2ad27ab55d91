/**
 * The golden outputs of the generators: for each sample, a plan (made once by `npm run
 * golden:update` and committed) and everything `cleave generate` writes from it except the
 * bundles, under test/golden/<sample>/ — an output folder, as `cleave split` leaves one.
 * test/generators/golden.test.ts regenerates them from the committed plans and compares bytes.
 */
import * as path from 'node:path';
import { readRegisteringSources } from '../cli/generate-into';
import { generateAll } from '../generators/generate';
import { TARGET_NAMES } from '../generators/targets';
import type { GeneratorOutput } from '../generators/types';
import type { ConfigInput } from '../model/config';
import { PLAN_FILE } from '../model/output-files';
import type { SplitPlan } from '../model/plan';

/** A sample and the config its golden plan is made with. */
export interface GoldenSample {
  /** Folder under samples/. */
  name: string;
  /** cleave.config.yaml contents (as an object) for the plan. */
  config: ConfigInput;
}

/** The samples with golden outputs: shop-api with a monolith URL and kept routes, library-js with neither. */
export const GOLDEN_SAMPLES: GoldenSample[] = [
  { name: 'shop-api', config: { exclude: ['/debug/**'], targets: { monolithUrl: 'https://shop.example.com' } } },
  { name: 'library-js', config: {} },
];

/** The repository root. */
export const REPO = path.join(__dirname, '..');

/** The sample's app folder. */
export function sampleDir(name: string): string {
  return path.join(REPO, 'samples', name);
}

/** The sample's golden output folder. */
export function goldenDir(name: string): string {
  return path.join(REPO, 'test', 'golden', name);
}

/** The plan file in a golden folder. */
export const GOLDEN_PLAN = PLAN_FILE;

/** What `cleave generate --target all` produces for a golden plan (bundles aside). */
export function generateGolden(name: string, plan: SplitPlan): GeneratorOutput {
  const appDir = path.relative(goldenDir(name), sampleDir(name)).split(path.sep).join('/');
  return generateAll(plan, { appDir, sources: readRegisteringSources(sampleDir(name), plan) }, TARGET_NAMES);
}
