import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './verify-run';

/** Where copies of apps go: inside the repository (their packages resolve from its node_modules), ignored by git, with no dot-folder on the path (`send` refuses files under one). */
const COPIES = path.join(REPO, 'tmp-apps');

/** A copy of the app folder `from` inside the repository, and how to remove it (and the copies' folder once empty). */
export function copyIntoRepo(from: string, prefix: string): { dir: string; remove(): void } {
  fs.mkdirSync(COPIES, { recursive: true });
  const dir = fs.mkdtempSync(path.join(COPIES, `${prefix}-`));
  fs.cpSync(from, dir, { recursive: true });
  return {
    dir,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (fs.existsSync(COPIES) && fs.readdirSync(COPIES).length === 0) fs.rmdirSync(COPIES);
    },
  };
}
