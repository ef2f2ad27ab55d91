import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPackageDir } from './shipped-packages';

/**
 * An optional dependency built for one platform (`@img/sharp-linux-x64`, `@img/sharp-libvips-darwin-arm64`,
 * `@swc/core-linux-x64-musl`, `@esbuild/win32-x64`): its family (the name without the platform), OS,
 * CPU and C library.
 */
const PLATFORM_PACKAGE =
  /^(.*?)[-/](darwin|linux|linuxmusl|win32|freebsd|android|sunos|openbsd)-(x64|arm64|ia32|arm|s390x|ppc64|riscv64)(?:-(gnu|musl|msvc|gnueabihf))?$/;

/** Why a package's platform binary would not load on Lambda: none of its platform packages installed, or only another platform's. */
export interface PlatformPackageGap {
  /** `not-built`: none installed; `other-platform`: only other platforms' installed. */
  kind: 'not-built' | 'other-platform';
  /** Which package Lambda needs, and which are installed (it follows "has" in NATIVE_ADDON_NOT_BUILT's message). */
  detail: string;
}

/**
 * Whether the installed package in `dir` can load the binary it takes from a platform package on
 * Lambda (Linux x86_64, glibc): sharp, @swc/core, esbuild and the like list one optional dependency
 * per platform, and npm installs only the one of the machine it ran on. For each family that lists
 * a Linux x86_64 glibc member, that member must be installed where Node would find it from the
 * package: on a Mac only the Darwin one is (`other-platform`), after `--omit=optional` none is
 * (`not-built`). `undefined` when the package lists no platform packages, or holds what Lambda loads.
 */
export function platformPackageGap(dir: string): PlatformPackageGap | undefined {
  let optional: Record<string, unknown> = {};
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, unknown> };
    optional = pkg.optionalDependencies ?? {};
  } catch {
    return undefined;
  }
  const families = new Map<string, Array<{ dep: string; lambda: boolean }>>();
  for (const dep of Object.keys(optional).sort()) {
    const m = PLATFORM_PACKAGE.exec(dep);
    if (!m) continue;
    const lambda = m[2] === 'linux' && m[3] === 'x64' && (m[4] === undefined || m[4] === 'gnu');
    families.set(m[1]!, [...(families.get(m[1]!) ?? []), { dep, lambda }]);
  }
  for (const members of families.values()) {
    const wanted = members.find((m) => m.lambda);
    if (!wanted || findPackageDir(dir, wanted.dep)) continue;
    const installed = members.filter((m) => findPackageDir(dir, m.dep)).map((m) => m.dep);
    return installed.length > 0
      ? {
          kind: 'other-platform',
          detail: `${wanted.dep} is not installed, only ${installed.join(', ')} (npm installs the platform package of the machine it runs on)`,
        }
      : { kind: 'not-built', detail: `no platform package installed, not ${wanted.dep} nor another (optional dependencies left out)` };
  }
  return undefined;
}
