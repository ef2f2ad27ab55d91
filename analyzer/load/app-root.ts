import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { DiagnosticSink } from '../diagnostics';
import { InputError } from '../../model/errors';
import { appAliasesOf } from '../../model/app-aliases';

/** What cleave knows about the app folder before it parses any source. */
export interface AppRoot {
  /** Absolute app dir. */
  dir: string;
  /** Parsed package.json, when there is one. */
  packageJson?: PackageJson;
  /** Compiler options from tsconfig.json or jsconfig.json, with `allowJs` on. */
  compilerOptions: ts.CompilerOptions;
  /** The config file the options came from (absolute), if any. */
  configFile?: string;
  /** The folders the start script's `NODE_PATH` names (absolute): bare names Node finds in no package are looked up there. */
  nodePaths: string[];
}

/** The fields of package.json cleave reads. */
export interface PackageJson {
  /** Package name. */
  name?: string;
  /** Package version. */
  version?: string;
  /** Main module. */
  main?: string;
  /** Executables. */
  bin?: string | Record<string, string>;
  /** npm scripts. */
  scripts?: Record<string, string>;
  /** Runtime dependencies. */
  dependencies?: Record<string, string>;
  /** Development dependencies. */
  devDependencies?: Record<string, string>;
}

const BASE_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
};

/**
 * The one check of the app folder a command is given (analyze, plan, split, generate, verify):
 * its absolute path, or an `InputError` when it does not exist or is a file.
 */
export function checkAppFolder(appDirArg: string): string {
  const dir = path.resolve(appDirArg);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new InputError('APP_DIR_NOT_FOUND', `app folder not found: ${appDirArg}`, "pass the folder that holds the app's package.json");
  }
  if (!stat.isDirectory()) {
    throw new InputError('APP_DIR_NOT_A_DIRECTORY', `not a folder: ${appDirArg}`, "pass the app's folder, not a file; use --entry to name the entry file");
  }
  return dir;
}

/** Checks the app dir and reads its package.json and tsconfig/jsconfig. */
export function loadAppRoot(appDirArg: string, diagnostics: DiagnosticSink): AppRoot {
  const dir = checkAppFolder(appDirArg);
  const packageJson = readPackageJson(dir, diagnostics);
  const { options, configFile } = readCompilerOptions(dir, diagnostics);
  const nodePaths = appAliasesOf(packageJson).nodePaths.map((p) => path.join(dir, p));
  return { dir, packageJson, compilerOptions: withAppAliases(options, dir, packageJson), configFile, nodePaths };
}

/**
 * The compiler options with module-alias's `_moduleAliases` (package.json) as `paths`, after
 * those of tsconfig, so that the module resolver finds `require('@models/user')` as the started
 * app does. (`NODE_PATH` is no alias: Node tries it after node_modules; see `AppRoot.nodePaths`.)
 */
function withAppAliases(options: ts.CompilerOptions, dir: string, packageJson: PackageJson | undefined): ts.CompilerOptions {
  const { aliases } = appAliasesOf(packageJson);
  if (Object.keys(aliases).length === 0) return options;
  const base = options.baseUrl ?? dir;
  const fromBase = (target: string) => path.relative(base, path.join(dir, target)).split(path.sep).join('/') || '.';
  const paths: ts.MapLike<string[]> = { ...options.paths };
  for (const [name, target] of Object.entries(aliases)) {
    paths[name] ??= [fromBase(target)];
    paths[`${name}/*`] ??= [`${fromBase(target)}/*`];
  }
  return { ...options, baseUrl: base, paths };
}

function readPackageJson(dir: string, diagnostics: DiagnosticSink): PackageJson | undefined {
  const file = path.join(dir, 'package.json');
  if (!isRegularFile(file)) {
    diagnostics.atFile(
      'NO_PACKAGE_JSON',
      'warning',
      '',
      0,
      'no package.json in the app folder',
      'point cleave at the folder that holds package.json; packages are told apart by import name only',
    );
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as PackageJson) : undefined;
  } catch (error) {
    diagnostics.atFile(
      'PACKAGE_JSON_INVALID',
      'error',
      file,
      1,
      `package.json does not parse: ${(error as Error).message}`,
      'fix the JSON syntax: npm, esbuild and Lambda packaging all read it',
    );
    return undefined;
  }
}

function readCompilerOptions(dir: string, diagnostics: DiagnosticSink): { options: ts.CompilerOptions; configFile?: string } {
  const configFile = ['tsconfig.json', 'jsconfig.json'].map((n) => path.join(dir, n)).find(isRegularFile);
  if (!configFile) return { options: { ...BASE_OPTIONS } };
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) {
    const message = ts.flattenDiagnosticMessageText(read.error.messageText, ' ');
    diagnostics.atFile(
      'TSCONFIG_INVALID',
      'warning',
      configFile,
      1,
      `${path.basename(configFile)} does not parse: ${message}`,
      'fix it; cleave goes on with default compiler options',
    );
    return { options: { ...BASE_OPTIONS } };
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configFile);
  // 18003 is "no inputs were found": cleave finds its files itself, so that one is no problem.
  const errors = parsed.errors.filter((e) => e.code !== 18003);
  if (errors.length > 0) {
    const message = errors
      .map((e) => ts.flattenDiagnosticMessageText(e.messageText, ' '))
      .join(' ')
      .split(dir + path.sep)
      .join('');
    diagnostics.atFile(
      'TSCONFIG_INVALID',
      'warning',
      configFile,
      1,
      `${path.basename(configFile)}: ${message}`,
      'fix it; cleave goes on with the options it could read',
    );
  }
  const { paths, baseUrl, rootDir, jsx, experimentalDecorators, emitDecoratorMetadata } = parsed.options;
  // Decorator metadata makes constructor parameter types values the closure follows (closure/scan.ts).
  const options: ts.CompilerOptions = { ...BASE_OPTIONS, paths, baseUrl, rootDir, jsx, experimentalDecorators, emitDecoratorMetadata };
  if (paths && !baseUrl) options.baseUrl = dir;
  return { options, configFile };
}

/** Whether package.json names express (or a fork of it) among its dependencies. */
export function declaresExpress(packageJson: PackageJson | undefined): boolean {
  const deps = { ...packageJson?.dependencies, ...packageJson?.devDependencies };
  return Object.keys(deps).some((name) => name === 'express' || name === '@types/express');
}

/** Whether a path is a regular file (after links): never read a folder, a FIFO or a device as config. */
function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
