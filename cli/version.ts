import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * cleave's own version, from its package.json: found by walking up from this file, so it works
 * from the sources (`cli/`, under jest or tsx) and from the build (`dist/cli/`, also installed
 * from the npm package) alike. The package.json taken is the one whose `bin` declares `cleave`,
 * whatever the package is named on npm.
 */
export function cleaveVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: Record<string, string>; version?: string };
      if (pkg.bin?.cleave && pkg.version) return pkg.version;
    } catch {
      // no readable package.json here: look further up
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
