import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FOLDERS = ['analyzer', 'planner', 'generators', 'bundler', 'verifier', 'model', 'cli'];

interface Violation {
  /** Rule name. */
  rule: string;
  /** The importing file. */
  from: string;
}

/**
 * Runs dependency-cruiser in `cwd` exactly as `npm run arch` does (the `err` reporter, whose exit
 * code fails CI) and reads the violations it lists (`error <rule>: <from> → <to>`).
 */
function cruise(cwd: string): { status: number | null; output: string; violations: Violation[] } {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.js', '--output-type', 'err', ...FOLDERS], {
    cwd,
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  const violations = [...output.matchAll(/^\s*error (\S+): (\S+) →/gm)].map((m) => ({ rule: m[1]!, from: m[2]! }));
  return { status: run.status, output, violations };
}

// The architecture rules of DESIGN.md are checked by dependency-cruiser (`npm run arch`). This
// cruises a temporary copy of the sources with one deliberate violation per rule and checks each
// is caught, so a rule that stops matching (a renamed folder, a config typo) cannot go unnoticed.
describe('architecture rules', () => {
  let dir: string;
  let violations: Violation[];
  let status: number | null;
  let output: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-architecture-'));
    for (const name of [...FOLDERS, 'test/support']) {
      if (fs.existsSync(path.join(ROOT, name))) fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
    }
    for (const file of ['.dependency-cruiser.js', 'tsconfig.json', 'package.json']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('analyzer/zz-violation-cli.ts', "import { EXIT } from '../cli/errors';\nexport const code = EXIT.ok;\n");
    write('analyzer/zz-violation-generators.ts', "import * as g from '../generators/zz-helper';\nexport const x = g;\n");
    write('generators/zz-helper.ts', 'export const helper = 1;\n');
    write('analyzer/zz-violation-planner.ts', "import { planSplit } from '../planner/plan-split';\nexport const p = planSplit;\n");
    write('planner/zz-violation-analyzer.ts', "import { analyzeApp } from '../analyzer/analyze';\nexport const a = analyzeApp;\n");
    write('generators/zz-violation-analyzer.ts', "import { analyzeApp } from '../analyzer/analyze';\nexport const a = analyzeApp;\n");
    write('generators/zz-violation-planner.ts', "import { planSplit } from '../planner/plan-split';\nexport const p = planSplit;\n");
    write('generators/zz-violation-fs.ts', "import * as fs from 'node:fs';\nexport const w = (f: string): void => fs.writeFileSync(f, '');\n");
    write('model/zz-violation-leaf.ts', "import { planSplit } from '../planner/plan-split';\nexport const p = planSplit;\n");
    write('verifier/zz-violation-cli.ts', "import { EXIT } from '../cli/errors';\nexport const code = EXIT.ok;\n");
    write('generators/zz-violation-verifier.ts', "import { compareResponses } from '../verifier/compare';\nexport const c = compareResponses;\n");
    write('analyzer/zz-violation-bundler.ts', "import { bundleHandlers } from '../bundler/bundle';\nexport const b = bundleHandlers;\n");
    write('analyzer/zz-uses-bundler-plugin.ts', "import { emptyNonCode } from '../bundler/plugins/empty-non-code';\nexport const p = emptyNonCode;\n");
    write('bundler/plugins/zz-violation-leaf.ts', "import { BUNDLE_FILE } from '../../generators/layout';\nexport const f = BUNDLE_FILE;\n");
    write('bundler/zz-violation-cli.ts', "import { EXIT } from '../cli/errors';\nexport const code = EXIT.ok;\n");
    write('cli/zz-violation-test.ts', "import { hashTree } from '../test/support/hash-tree';\nexport const h = hashTree;\n");
    write('analyzer/routes/evaluator/zz-violation-express.ts', "import type { RouterModel } from '../express/router-model';\nexport type R = RouterModel;\n");
    write('analyzer/zz-cycle-a.ts', "import { b } from './zz-cycle-b';\nexport const a = (): number => b() + 1;\n");
    write('analyzer/zz-cycle-b.ts', "import { a } from './zz-cycle-a';\nexport const b = (): number => (a ? 1 : 0);\n");
    ({ violations, status, output } = cruise(dir));
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const found = (rule: string, from: string): boolean => violations.some((v) => v.rule === rule && new RegExp(`^${from}$`).test(v.from));

  it('fails the run, as it fails `npm run arch`', () => {
    expect(status).not.toBe(0);
    expect(output).toMatch(/\d+ dependency violations/);
  });

  it.each([
    ['analyzer-not-to-later-stages', 'analyzer/zz-violation-cli.ts'],
    ['analyzer-not-to-later-stages', 'analyzer/zz-violation-generators.ts'],
    ['analyzer-not-to-later-stages', 'analyzer/zz-violation-planner.ts'],
    ['planner-reads-only-the-analysis', 'planner/zz-violation-analyzer.ts'],
    ['generators-only-model-types', 'generators/zz-violation-analyzer.ts'],
    ['generators-only-model-types', 'generators/zz-violation-planner.ts'],
    ['only-cli-writes', 'generators/zz-violation-fs.ts'],
    ['verifier-not-to-cli', 'verifier/zz-violation-cli.ts'],
    ['analyzer-only-bundler-plugins', 'analyzer/zz-violation-bundler.ts'],
    ['bundler-plugins-are-leaves', 'bundler/plugins/zz-violation-leaf.ts'],
    ['bundler-after-generators', 'bundler/zz-violation-cli.ts'],
    ['generators-only-model-types', 'generators/zz-violation-verifier.ts'],
    ['model-is-a-leaf', 'model/zz-violation-leaf.ts'],
    ['nothing-imports-test', 'cli/zz-violation-test.ts'],
    ['evaluator-knows-no-express', 'analyzer/routes/evaluator/zz-violation-express.ts'],
    ['no-cycles', 'analyzer/zz-cycle-[ab]\\.ts'],
  ])('catches %s in %s', (rule, from) => {
    expect(found(rule, from)).toBe(true);
  });

  it('reports nothing against the files that break no rule', () => {
    expect(violations.filter((v) => v.from === 'generators/zz-helper.ts')).toEqual([]);
    expect(violations.filter((v) => v.from === 'analyzer/zz-uses-bundler-plugin.ts')).toEqual([]);
  });
});
