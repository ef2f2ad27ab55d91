import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import { leadsOutsideThroughLink } from './app-boundary';
import { moduleCandidates } from '../../model/module-paths';

/** Where an import specifier leads. */
export type Resolution =
  { kind: 'file'; path: string } | { kind: 'package'; name: string } | { kind: 'builtin'; name: string } | { kind: 'missing'; throughLink?: boolean };

/** The package a file belongs to, from the nearest package.json above it. */
interface OwningPackage {
  dir: string;
  name?: string;
  main?: string;
}

const BUILTINS = new Set(builtinModules);

/**
 * Resolves import and require specifiers the way the app's compiler options say (path aliases,
 * baseUrl, index files), caching every answer. Files inside node_modules count as packages.
 */
export class ModuleResolver {
  private readonly cache = new Map<string, Resolution>();
  private readonly packages = new Map<string, OwningPackage | undefined>();
  private readonly host: ts.ModuleResolutionHost = ts.sys;
  private readonly tsCache: ts.ModuleResolutionCache;

  /**
   * @param appDir absolute app dir
   * @param options compiler options of the app
   * @param nodePaths the `NODE_PATH` folders of its start script (absolute), tried after node_modules as Node does
   */
  constructor(
    private readonly appDir: string,
    private readonly options: ts.CompilerOptions,
    private readonly nodePaths: readonly string[] = [],
  ) {
    this.tsCache = ts.createModuleResolutionCache(appDir, (f) => f, options);
  }

  /** Resolves `specifier` as written in `fromFile` (absolute). */
  resolve(specifier: string, fromFile: string): Resolution {
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.compute(specifier, fromFile);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private compute(specifier: string, fromFile: string): Resolution {
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0] ?? '')) return { kind: 'builtin', name: bare };
    const relative = specifier.startsWith('.') || path.isAbsolute(specifier);
    const direct = relative ? this.probe(path.resolve(path.dirname(fromFile), specifier)) : undefined;
    if (direct) return this.classify(direct, specifier);
    const resolved = ts.resolveModuleName(specifier, fromFile, this.options, this.host, this.tsCache).resolvedModule;
    if (resolved) {
      const file = resolved.resolvedFileName;
      if (!file.endsWith('.d.ts') || !resolved.isExternalLibraryImport) return this.classify(this.preferSource(file), specifier);
      return { kind: 'package', name: packageName(specifier) };
    }
    if (relative || this.isAlias(specifier)) return { kind: 'missing' };
    const onNodePath = this.nodePaths.map((dir) => this.probe(path.join(dir, specifier))).find((f) => f !== undefined);
    if (onNodePath) return this.classify(onNodePath, specifier);
    return { kind: 'package', name: packageName(specifier) };
  }

  private classify(file: string, specifier: string): Resolution {
    // Never followed: nothing outside the app folder is read through a link inside it.
    if (leadsOutsideThroughLink(this.appDir, file)) return { kind: 'missing', throughLink: true };
    // Express's own examples reach the framework by a relative path (`require('../..')`): cleave
    // models express, it never evaluates express's source.
    if (this.isExpressItself(file)) return { kind: 'package', name: 'express' };
    if (file.split(path.sep).includes('node_modules') || !file.startsWith(this.appDir + path.sep)) {
      return specifier.startsWith('.') ? { kind: 'file', path: file } : { kind: 'package', name: packageName(specifier) };
    }
    return { kind: 'file', path: file };
  }

  /** Whether a file is express's main module or part of its `lib/` (the framework, not its examples). */
  private isExpressItself(file: string): boolean {
    const pkg = this.owningPackage(path.dirname(file));
    if (pkg?.name !== 'express') return false;
    const main = this.probe(path.resolve(pkg.dir, pkg.main ?? 'index'));
    return file === main || file.startsWith(path.join(pkg.dir, 'lib') + path.sep);
  }

  /** The package.json nearest above `dir`: its folder, name and main (cached per folder). */
  private owningPackage(dir: string): OwningPackage | undefined {
    if (this.packages.has(dir)) return this.packages.get(dir);
    let found: OwningPackage | undefined;
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; main?: string };
        found = { dir, name: json.name, main: json.main };
      } catch {
        found = { dir };
      }
    } else if (path.dirname(dir) !== dir) {
      found = this.owningPackage(path.dirname(dir));
    }
    this.packages.set(dir, found);
    return found;
  }

  /** Tries `base` as a file, with each extension, and as a folder with an index file (see `moduleCandidates`), then a folder's package.json `main`. */
  private probe(base: string): string | undefined {
    for (const candidate of moduleCandidates(base, path.join, true)) {
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not this one
      }
    }
    const pkg = path.join(base, 'package.json');
    if (fs.existsSync(pkg) && !leadsOutsideThroughLink(this.appDir, pkg)) {
      try {
        const main = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { main?: string }).main;
        if (main) return this.probe(path.resolve(base, main));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private preferSource(file: string): string {
    if (!file.endsWith('.d.ts')) return file;
    return ['.ts', '.js'].map((e) => file.slice(0, -5) + e).find((f) => fs.existsSync(f)) ?? file;
  }

  /**
   * Whether a path alias claims `specifier`. A catch-all pattern (`"*": ["node_modules/*",
   * "src/types/*"]`, common in older TypeScript starters) claims nothing: it only adds places to
   * look, and an unresolved bare name under it is still a package (not installed yet).
   */
  private isAlias(specifier: string): boolean {
    const paths = this.options.paths ?? {};
    return Object.keys(paths).some((pattern) => {
      const prefix = pattern.replace(/\*.*$/, '');
      return prefix !== '' && specifier.startsWith(prefix);
    });
  }
}

/** The npm package name of a bare specifier (`@scope/pkg/sub` → `@scope/pkg`). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
