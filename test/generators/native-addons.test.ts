import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandResult } from '../../model/command-result';
import { copyIntoRepo } from '../support/repo-copy';
import { runCli } from '../support/run-cli';
import { REPO } from '../support/verify-run';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'generators', 'native-addon-unbuilt');
/** The first bytes of a compiled addon: an ELF object for `machine` (0x3e x86_64, 0xb7 arm64), or a Mach-O one (macOS). */
function objectHeader(kind: 'elf-x86_64' | 'elf-arm64' | 'mach-o'): Buffer {
  if (kind === 'mach-o') return Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, 3, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
  const elf = Buffer.alloc(64);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  elf.writeUInt16LE(3, 16); // ET_DYN: a shared object
  elf.writeUInt16LE(kind === 'elf-x86_64' ? 0x3e : 0xb7, 18);
  return elf;
}

/** `cleave split` of a copy of the fixture, with `addon` as its compiled addon (none: not built); the result object. */
async function splitWith(addon: 'none' | 'elf-x86_64' | 'elf-arm64' | 'mach-o'): Promise<{ code: number; result: CommandResult }> {
  const copy = copyIntoRepo(FIXTURE, 'native');
  const app = copy.dir;
  try {
    if (addon !== 'none') {
      fs.mkdirSync(path.join(app, 'node_modules', 'fake-native', 'build', 'Release'), { recursive: true });
      fs.writeFileSync(path.join(app, 'node_modules', 'fake-native', 'build', 'Release', 'fake_native.node'), objectHeader(addon));
    }
    const run = await runCli('--quiet', 'split', app, '-o', path.join(app, 'functions'), '--format', 'json');
    return { code: run.code, result: JSON.parse(run.stdout) as CommandResult };
  } finally {
    copy.remove();
  }
}

const nativeFindings = (result: CommandResult) => result.findings.filter((f) => f.code.startsWith('NATIVE_ADDON'));

// A package with a native addon is shipped installed beside the bundle; Lambda loads its compiled
// `.node` file on Linux x86_64. Installed without its install scripts (npm 11 runs none it was not
// told to), or built on a Mac, the zip fails at the first require: split says so before deploying.
describe('native addons of shipped packages', () => {
  it('an addon that was never built is an error naming the package and the functions that ship it', async () => {
    const { code, result } = await splitWith('none');
    expect(code).toBe(1);
    expect(nativeFindings(result)).toEqual([
      expect.objectContaining({
        code: 'NATIVE_ADDON_NOT_BUILT',
        severity: 'error',
        message: expect.stringMatching(
          /^fake-native \(shipped with function hash\) has no compiled \.node file where it loads one \(it builds from binding\.gyp\)/,
        ),
      }),
    ]);
  }, 60_000);

  it.each([
    ['mach-o', 'build/Release/fake_native.node: Mach-O (macOS)'],
    ['elf-arm64', 'build/Release/fake_native.node: ELF for arm64, not x86_64'],
  ] as const)(
    'an addon built only for another platform (%s) is a warning saying what it is',
    async (addon, detail) => {
      const { code, result } = await splitWith(addon);
      expect(code).toBe(0);
      expect(nativeFindings(result)).toEqual([
        expect.objectContaining({ code: 'NATIVE_ADDON_OTHER_PLATFORM', severity: 'warning', message: expect.stringContaining(detail) }),
      ]);
    },
    60_000,
  );

  it("an addon built for Lambda's Linux x86_64 is no finding", async () => {
    const { code, result } = await splitWith('elf-x86_64');
    expect(code).toBe(0);
    expect(nativeFindings(result)).toEqual([]);
  }, 60_000);
});
