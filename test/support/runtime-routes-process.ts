import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { RuntimeRoute } from './runtime-routes';

/** The routes an app module serves, read by loading it in a child process (see print-runtime-routes.ts). */
export function runtimeRoutesInProcess(modulePath: string, factory?: string): RuntimeRoute[] {
  const script = path.join(__dirname, 'print-runtime-routes.ts');
  const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', script, modulePath, ...(factory ? [factory] : [])], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: path.dirname(modulePath),
  });
  if (result.status !== 0) throw new Error(`loading ${modulePath} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as RuntimeRoute[];
}
