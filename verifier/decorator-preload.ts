/**
 * Preloaded (`node -r`, after tsx) into the monolith that `cleave verify` starts: TypeScript
 * files that use decorators, under a tsconfig asking for `emitDecoratorMetadata`, are compiled
 * by TypeScript instead of tsx, whose esbuild emits no decorator metadata (dependency injection
 * by constructor type would inject nothing, and the monolith would fail where `tsc`'s build
 * answers). The functions' bundles are compiled the same way (bundler/plugins/decorator-metadata).
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import { decoratorCompiler } from '../bundler/plugins/decorator-metadata';

/** Node's loaders by extension (not in its public types). */
type Loader = (module: NodeJS.Module & { _compile(code: string, file: string): void }, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader | undefined> })._extensions;
// The monolith runs in its app folder (see startMonolith).
const compiler = decoratorCompiler(process.cwd());
for (const extension of ['.ts', '.tsx', '.cts', '.mts']) {
  const tsxLoader = extensions[extension];
  if (!tsxLoader) continue;
  extensions[extension] = (module, filename) => {
    const compiled = compiler.wants(filename) ? compiler.compile(filename, fs.readFileSync(filename, 'utf8')) : undefined;
    if (compiled === undefined) tsxLoader(module, filename);
    else module._compile(compiled, filename);
  };
}
