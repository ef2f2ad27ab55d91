/**
 * Prints, as JSON, the routes an app module really serves: loaded in this fresh process (so no
 * module cache is shared with the test runner) with `listen` intercepted.
 * Usage: node -r tsx/cjs test/support/print-runtime-routes.ts <module> [factory-export]
 */
import { loadAppWithRecorder } from './runtime-routes';

const [modulePath, factory] = process.argv.slice(2);
if (!modulePath) throw new Error('usage: print-runtime-routes <module> [factory-export]');
loadAppWithRecorder(modulePath, (exports) => (factory ? (exports as Record<string, () => unknown>)[factory]!() : exports))
  .then((loaded) => {
    process.stdout.write(JSON.stringify(loaded.routes));
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(String(error) + '\n');
    process.exit(1);
  });
