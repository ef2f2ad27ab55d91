import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../analyzer/codes';
import { GENERATOR_CODES } from '../../generators/codes';
import { HAZARD_CODES } from '../../model/hazard-codes';
import { INPUT_ERROR_CODES } from '../../model/input-error-codes';

const ROOT = path.join(__dirname, '..', '..');

/** The text of every source file under `dirs` but the code lists themselves. */
function sources(dirs: string[]): string {
  const lists = new Set(['analyzer/codes.ts', 'generators/codes.ts', 'model/hazard-codes.ts', 'model/input-error-codes.ts'].map((f) => path.join(ROOT, f)));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !lists.has(file)) out.push(fs.readFileSync(file, 'utf8'));
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out.join('\n');
}

/** The codes of a docs page's tables (`| \`CODE\` |` rows). */
function documented(page: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'docs', page), 'utf8');
  return [...text.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
}

// Each stage's finding codes are typed by one list (a code not listed does not compile). These
// hold each list to what the code emits (no code listed that nothing emits, such as a hazard the
// planner would keep routes for but no detector finds) and to the docs page a user reads.
describe.each([
  { stage: 'analysis diagnostics', codes: Object.keys(DIAGNOSTIC_CODES), dirs: ['analyzer'], page: 'routes.md' },
  { stage: 'hazards', codes: Object.keys(HAZARD_CODES), dirs: ['analyzer/hazards'], page: 'hazards.md' },
  { stage: 'generation and bundling', codes: Object.keys(GENERATOR_CODES), dirs: ['generators', 'bundler', 'cli'], page: 'findings.md' },
  {
    stage: 'input errors',
    codes: Object.keys(INPUT_ERROR_CODES),
    dirs: ['analyzer', 'planner', 'generators', 'bundler', 'verifier', 'model', 'cli'],
    page: 'errors.md',
  },
])('$stage codes', ({ codes, dirs, page }) => {
  const code = sources(dirs);
  const docs = documented(page);

  it('are each emitted somewhere', () => {
    expect(codes.filter((c) => !code.includes(`'${c}'`))).toEqual([]);
  });

  it(`are exactly the ones docs/${page} lists`, () => {
    expect([...new Set(docs)].sort()).toEqual([...codes].sort());
  });
});

describe('diagnostic and generation codes', () => {
  it('say the severity each is emitted with first', () => {
    for (const text of [...Object.values(DIAGNOSTIC_CODES), ...Object.values(GENERATOR_CODES)]) expect(text).toMatch(/^(error|warning|info): /);
  });
});
