import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nativeAddonProblem } from '../../bundler/native-binaries';

/** Writes `node_modules/<name>/package.json` under `root`. */
function install(root: string, name: string, fields: Record<string, unknown> = {}): string {
  const dir = path.join(root, 'node_modules', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...fields }));
  return dir;
}

/** sharp's layout: the binary and libvips each in one optional dependency per platform. */
const SHARP_OPTIONAL = {
  '@img/sharp-darwin-arm64': '0.34.0',
  '@img/sharp-linux-x64': '0.34.0',
  '@img/sharp-linuxmusl-x64': '0.34.0',
  '@img/sharp-libvips-darwin-arm64': '1.2.0',
  '@img/sharp-libvips-linux-x64': '1.2.0',
  '@img/sharp-libvips-linuxmusl-x64': '1.2.0',
};

// A package that takes its binary from a platform package (sharp, @swc/core, esbuild) loads on
// Lambda only when the Linux x86_64 glibc one is installed; npm installs the one of the machine
// it ran on, so a zip made on a Mac, on Alpine or with --omit=optional fails at the first require.
describe('bundler: platform packages of a shipped package', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-platform-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("is fine when Lambda's platform packages are installed (hoisted beside it)", () => {
    const sharp = install(root, 'sharp', { optionalDependencies: SHARP_OPTIONAL });
    install(root, '@img/sharp-linux-x64');
    install(root, '@img/sharp-libvips-linux-x64');
    expect(nativeAddonProblem(sharp, 'sharp')).toBeUndefined();
  });

  it("is another platform's when only a Mac's (or musl's) are installed", () => {
    const sharp = install(root, 'sharp', { optionalDependencies: SHARP_OPTIONAL });
    install(root, '@img/sharp-darwin-arm64');
    install(root, '@img/sharp-libvips-darwin-arm64');
    expect(nativeAddonProblem(sharp, 'sharp')).toEqual({
      name: 'sharp',
      kind: 'other-platform',
      detail: '@img/sharp-linux-x64 is not installed, only @img/sharp-darwin-arm64 (npm installs the platform package of the machine it runs on)',
    });
  });

  it('is not built when none is installed, and checks each family (the binary and libvips)', () => {
    const sharp = install(root, 'sharp', { optionalDependencies: SHARP_OPTIONAL });
    install(root, '@img/sharp-linux-x64');
    expect(nativeAddonProblem(sharp, 'sharp')).toEqual({
      name: 'sharp',
      kind: 'not-built',
      detail: 'no platform package installed, not @img/sharp-libvips-linux-x64 nor another (optional dependencies left out)',
    });
  });

  it('takes -gnu as glibc and ignores optional dependencies that name no platform', () => {
    const swc = install(root, '@swc/core', {
      optionalDependencies: { '@swc/core-linux-x64-gnu': '1.0.0', '@swc/core-linux-x64-musl': '1.0.0', fsevents: '2.3.3' },
    });
    install(root, '@swc/core-linux-x64-musl');
    expect(nativeAddonProblem(swc, '@swc/core')).toEqual(
      expect.objectContaining({
        kind: 'other-platform',
        detail: expect.stringContaining('@swc/core-linux-x64-gnu is not installed, only @swc/core-linux-x64-musl'),
      }),
    );
    const plain = install(root, 'chokidar', { optionalDependencies: { fsevents: '2.3.3' } });
    expect(nativeAddonProblem(plain, 'chokidar')).toBeUndefined();
  });
});
