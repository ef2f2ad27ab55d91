import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/** A TypeScript file by its extension (esbuild's filters are Go regular expressions: no look-behind for `.d.ts`). */
const TS_SOURCE = /\.[cm]?tsx?$/;
/** A declaration file, which holds no code. */
const DECLARATION = /\.d\.[cm]?tsx?$/;
/** Text that may hold a decorator: `@` opening a line, or after `(` or `,` (a parameter decorator). */
const DECORATOR = /(?:^|[\s(,])@[A-Za-z_$]/m;

/** Compiles the TypeScript files whose tsconfig asks for decorator metadata. */
export interface DecoratorCompiler {
  /** Whether `file` is one its tsconfig asks metadata for (known without reading it). */
  wants(file: string): boolean;
  /** `text` of `file` compiled with the options of its tsconfig; `undefined` when esbuild may compile it as it is. */
  compile(file: string, text: string): string | undefined;
}

/**
 * esbuild does not emit decorator metadata (`emitDecoratorMetadata`: `design:paramtypes`,
 * `design:type`), which dependency injection (typedi, tsyringe, inversify), routing-controllers'
 * parameter conversion and TypeORM's column types read at run time: compiled by esbuild,
 * `constructor(private readonly clock: Clock)` gets nothing injected and the first request fails.
 * Where the tsconfig of a file asks for that metadata, a file that uses decorators is compiled by
 * TypeScript itself (`transpileModule` with that tsconfig's options, CommonJS out), as `tsc`
 * would compile it for the monolith. Files of the app take their nearest tsconfig.json up to the
 * app folder; files elsewhere (cleave's copies of the app's modules) take the app's own.
 */
export function decoratorCompiler(appDir: string): DecoratorCompiler {
  const app = path.resolve(appDir);
  const configs = new Map<string, ts.CompilerOptions | undefined>();
  const optionsOf = (configFile: string | undefined): ts.CompilerOptions | undefined => {
    if (!configFile) return undefined;
    if (!configs.has(configFile)) configs.set(configFile, readOptions(configFile));
    return configs.get(configFile);
  };
  // The nearest tsconfig of each folder, looked up once: every file of a bundle asks.
  const nearest = new Map<string, string | undefined>();
  const configOf = (dir: string): string | undefined => {
    if (!nearest.has(dir)) nearest.set(dir, nearestConfig(dir, app));
    return nearest.get(dir);
  };
  const metadataOptions = (file: string): ts.CompilerOptions | undefined => {
    if (!TS_SOURCE.test(file) || DECLARATION.test(file) || file.split(path.sep).includes('node_modules')) return undefined;
    const options = optionsOf(configOf(file.startsWith(app + path.sep) ? path.dirname(file) : app));
    return options?.emitDecoratorMetadata && options.experimentalDecorators ? options : undefined;
  };
  const wants = (file: string): boolean => metadataOptions(file) !== undefined;
  const compile = (file: string, text: string): string | undefined => {
    const options = DECORATOR.test(text) ? metadataOptions(file) : undefined;
    if (!options) return undefined;
    return ts.transpileModule(text, {
      fileName: file,
      compilerOptions: {
        ...options,
        module: ts.ModuleKind.CommonJS,
        noEmit: false,
        sourceMap: false,
        inlineSourceMap: false,
        declaration: false,
        emitDeclarationOnly: false,
        composite: false,
        incremental: false,
      },
    }).outputText;
  };
  return { wants, compile };
}

/**
 * The esbuild plugin of a {@link decoratorCompiler}: decorated files of a tsconfig with
 * `emitDecoratorMetadata` go through TypeScript. A plugin that loads a file itself first (to
 * rewrite `__dirname`) runs its own result through the same compiler.
 */
export function decoratorMetadata(compiler: DecoratorCompiler): Plugin {
  return {
    name: 'cleave-decorator-metadata',
    setup(build) {
      build.onLoad({ filter: TS_SOURCE }, async (args) => {
        if (args.namespace !== 'file' || !compiler.wants(args.path)) return undefined;
        const contents = compiler.compile(args.path, await fs.promises.readFile(args.path, 'utf8'));
        return contents === undefined ? undefined : { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** The tsconfig.json nearest to `dir`, looking up to `root` (inclusive). */
function nearestConfig(dir: string, root: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const file = path.join(at, 'tsconfig.json');
    if (fs.existsSync(file)) return file;
    if (at === root || at === path.dirname(at) || !at.startsWith(root)) return undefined;
  }
}

/** A tsconfig's compiler options, `extends` followed; `undefined` when it cannot be read. */
function readOptions(configFile: string): ts.CompilerOptions | undefined {
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error) return undefined;
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile), undefined, configFile).options;
}
