import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATOR_CODES } from '../../generators/codes';

const ROOT = path.join(__dirname, '..', '..');

/** The text of every source file under `dirs` but `except`. */
function sources(dirs: string[], except: string): string {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && file !== except) out.push(fs.readFileSync(file, 'utf8'));
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out.join('\n');
}

// The generators' codes are typed by generators/codes.ts (a code not listed there does not
// compile); these hold the list to what the code emits and to the docs a user reads.
describe('generators/codes', () => {
  const code = sources(['generators', 'bundler', 'cli'], path.join(ROOT, 'generators', 'codes.ts'));
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'findings.md'), 'utf8');

  it.each(Object.keys(GENERATOR_CODES))('%s is emitted somewhere and documented', (name) => {
    expect(code).toContain(`code: '${name}'`);
    expect(docs).toContain(`| \`${name}\` |`);
  });

  it('says the severity each code is emitted with first', () => {
    for (const text of Object.values(GENERATOR_CODES)) expect(text).toMatch(/^(error|warning|info): /);
  });
});
