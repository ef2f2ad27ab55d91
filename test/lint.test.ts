import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** Lints each text as the file it names, with ESLint's API in a process of its own (ESLint loads its config by dynamic import, which jest's VM does not allow): the rules each hits. */
function rulesHit(cases: ReadonlyArray<{ file: string; text: string }>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const out = [];
      for (const c of cases) {
        const [result] = await eslint.lintText(c.text, { filePath: path.join(process.cwd(), c.file) });
        out.push(result.messages.map((m) => m.ruleId || 'parse: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

// The lint rules of eslint.config.js (run by `npm test`): each folder rule meets a deliberate
// violation, so a rule that stops matching (a renamed folder, a selector typo) shows.
describe('lint rules', () => {
  const writes = "import * as fs from 'node:fs';\nfs.writeFileSync('x', 'y');\nfs.promises.rm('x');\n";
  let hits: string[][];
  beforeAll(() => {
    hits = rulesHit([
      { file: 'analyzer/zz-lint.ts', text: "console.log('x');\n" },
      { file: 'cli/zz-lint.ts', text: "console.log('x');\n" },
      { file: 'verifier/zz-lint.ts', text: writes },
      { file: 'bundler/zz-lint.ts', text: "import * as fs from 'node:fs';\nexport const t = fs.readFileSync('x', 'utf8');\n" },
      { file: 'cli/zz-lint-writes.ts', text: writes },
      { file: 'planner/zz-lint.ts', text: 'export const x: any = 1;\n' },
      { file: 'generators/zz-lint.ts', text: "import { writeFileSync } from 'node:fs';\nwriteFileSync('x', 'y');\n" },
    ]);
  }, 60_000);

  it('keeps console out of the pipeline stages, not out of cli', () => {
    expect(hits[0]).toContain('no-console');
    expect(hits[1]).toEqual([]);
  });

  it('lets only cli write files', () => {
    expect(hits[2]).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
    expect(hits[3]).toEqual([]);
    expect(hits[4]).toEqual([]);
    expect(hits[6]).toEqual(['no-restricted-syntax']);
  });

  it('applies typescript-eslint recommended rules', () => {
    expect(hits[5]).toContain('@typescript-eslint/no-explicit-any');
  });
});
