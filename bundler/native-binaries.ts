import * as fs from 'node:fs';
import * as path from 'node:path';
import { platformPackageGap } from './platform-packages';

/**
 * The architecture the functions run on. The generated serverless.yml and template.yaml set none,
 * so Lambda's default applies: x86_64.
 */
export const LAMBDA_MACHINE = { name: 'x86_64', elf: 0x3e } as const;

/** Why a shipped package's native addon would not load on Lambda. */
export interface NativeAddonProblem {
  /** Package name. */
  name: string;
  /** `not-built`: no compiled addon at all; `other-platform`: only addons built for another OS or CPU. */
  kind: 'not-built' | 'other-platform';
  /** What was found (`build/Release/bcrypt_lib.node: Mach-O (macOS)`), or what the package builds from. */
  detail: string;
}

/** How far below a package folder compiled addons are looked for (`lib/binding/napi-v3/x.node`, `prebuilds/linux-x64/x.node`). */
const MAX_DEPTH = 5;

/**
 * Whether the installed package in `dir` can load its native addon on Lambda (Linux, `LAMBDA_MACHINE`):
 * a package that builds one (a `binding.gyp`, `gypfile`, node-pre-gyp's `binary`, or `prebuilds/`) must
 * hold a compiled `.node` file that is an ELF object for that CPU. `undefined` when it needs none or
 * holds one. Built on a Mac, or installed with `--ignore-scripts` (npm 11 runs no install script it
 * was not told to), the zip fails at the first require. A package that takes its binary from a
 * platform package instead (sharp's `@img/sharp-linux-x64`) must have Lambda's installed (see
 * `platformPackageGap`).
 */
export function nativeAddonProblem(dir: string, name: string): NativeAddonProblem | undefined {
  const builds = nativeBuildOf(dir);
  if (!builds) {
    const gap = platformPackageGap(dir);
    return gap ? { name, ...gap } : undefined;
  }
  const binaries = nodeFiles(builds.loadsFrom, 0);
  if (binaries.length === 0) return { name, kind: 'not-built', detail: `no compiled .node file where it loads one (it builds from ${builds.from})` };
  const kinds = binaries.map((file) => ({ file, kind: binaryKind(file) }));
  if (kinds.some((k) => k.kind === 'lambda')) return undefined;
  const detail = kinds
    .slice(0, 3)
    .map((k) => `${path.relative(dir, k.file).split(path.sep).join('/')}: ${k.kind}`)
    .join(', ');
  return { name, kind: 'other-platform', detail };
}

/**
 * What marks the package in `dir` as one with a native addon, and the folder it loads its addon
 * from: node-pre-gyp's `binary.module_path` (the folder before its first `{variable}`: `lib/binding/` of
 * `./lib/binding/napi-v{napi_build_version}`), else the package (`build/Release`, `prebuilds/`).
 */
function nativeBuildOf(dir: string): { from: string; loadsFrom: string } | undefined {
  let pkg: { gypfile?: unknown; binary?: { module_path?: unknown } } = {};
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    // a package without a readable package.json is judged by its files
  }
  const modulePath = pkg.binary && typeof pkg.binary === 'object' ? pkg.binary.module_path : undefined;
  if (typeof modulePath === 'string') {
    const fixed = modulePath.split('{')[0]!;
    return { from: "node-pre-gyp's binary", loadsFrom: path.join(dir, fixed.slice(0, fixed.lastIndexOf('/') + 1)) };
  }
  if (fs.existsSync(path.join(dir, 'binding.gyp'))) return { from: 'binding.gyp', loadsFrom: dir };
  if (fs.existsSync(path.join(dir, 'prebuilds'))) return { from: 'prebuilds/', loadsFrom: dir };
  if (pkg.gypfile === true) return { from: 'gypfile: true', loadsFrom: dir };
  return undefined;
}

/** The `.node` files below `dir`, not in nested packages (`node_modules`) nor node-gyp's intermediate folders, sorted. */
function nodeFiles(dir: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    // node-gyp's intermediate output (`build-tmp-napi-v3/`) is not where an addon is loaded from.
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('build-tmp')) out.push(...nodeFiles(file, depth + 1));
    else if (entry.isFile() && entry.name.endsWith('.node')) out.push(file);
  }
  return out;
}

/** `lambda` for an ELF object for `LAMBDA_MACHINE`; otherwise what the file is, in words. */
function binaryKind(file: string): string {
  const head = Buffer.alloc(20);
  let read = 0;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 'unreadable';
  }
  if (read >= 20 && head[0] === 0x7f && head.toString('latin1', 1, 4) === 'ELF') {
    const machine = head[5] === 2 ? head.readUInt16BE(18) : head.readUInt16LE(18);
    if (machine === LAMBDA_MACHINE.elf) return 'lambda';
    return `ELF for ${ELF_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`}, not ${LAMBDA_MACHINE.name}`;
  }
  const magic = read >= 4 ? head.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'Mach-O (macOS)';
  if (read >= 2 && head.toString('latin1', 0, 2) === 'MZ') return 'PE (Windows)';
  return 'not a compiled object';
}

/** ELF `e_machine` values of the CPUs addons are built for. */
const ELF_MACHINES: Readonly<Record<number, string>> = { 0x03: 'x86 (32-bit)', 0x28: 'ARM (32-bit)', 0x3e: 'x86_64', 0xb7: 'arm64' };
