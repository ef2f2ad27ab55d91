import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * cleave's own version, from its package.json: found by walking up from this file, so it works
 * from the sources (`cli/`, under jest or tsx) and from the build (`dist/cli/`) alike.
 */
export function cleaveVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cleave' && pkg.version) return pkg.version;
    } catch {
      // no readable package.json here: look further up
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
