import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sha256 } from '../../cli/manifest';
import { writeOutputFiles } from '../../cli/output';
import { BundleReport } from '../../model/bundle-report';
import { GOLDEN_PLAN, goldenDir, sampleDir } from '../../scripts/golden';
import { hashTree } from '../support/hash-tree';
import { runCli } from '../support/run-cli';
import { MANIFEST_FILE } from '../../model/output-files';

const SHOP = sampleDir('shop-api');
const PLAN = path.join(goldenDir('shop-api'), GOLDEN_PLAN);
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-generate-'));
const manifestOf = (dir: string): { files: Record<string, { sha256: string }> } => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));

// `cleave generate`: the manifest with hashes, no overwrite of foreign or edited files without
// --force (exit 2 naming the file, nothing written), --dry-run, and the app root refused.
describe('cleave generate', () => {
  it('writes handlers, serverless.yml, template.yaml and a manifest with the sha256 of each', async () => {
    const out = tmp();
    const run = await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = manifestOf(out);
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining(['serverless.yml', 'template.yaml', 'functions/_cleave/runtime.ts', 'functions/admin-reports/handler.ts']),
    );
    for (const [file, { sha256: hash }] of Object.entries(manifest.files)) expect(sha256(fs.readFileSync(path.join(out, file)))).toBe(hash);
    expect(run.stdout).toContain(`wrote ${path.join(out, 'serverless.yml')}`);
  });

  it('gives byte-identical files for the same input, and leaves them alone when re-run', async () => {
    const out = tmp();
    await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    const first = hashTree(out);
    const again = await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^\d+ files unchanged\n$/);
    expect(hashTree(out)).toEqual(first);
  });

  it('keeps an edited file as it is with an OUTPUT_EDITED warning (exit 0) and writes the rest; --force overwrites', async () => {
    const out = tmp();
    await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    const handler = path.join(out, 'functions', 'admin-reports', 'handler.ts');
    fs.appendFileSync(handler, '// my fix\n');
    fs.rmSync(path.join(out, 'template.yaml'));
    const kept = await runCli('generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(
      /^cleave: generate: warning OUTPUT_EDITED functions\/admin-reports\/handler\.ts: edited since cleave wrote it: kept as it is.*--force/m,
    );
    expect(fs.readFileSync(handler, 'utf8')).toContain('// my fix');
    expect(fs.existsSync(path.join(out, 'template.yaml'))).toBe(true);
    const again = await runCli('generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    expect(again.stderr).toContain('warning OUTPUT_EDITED functions/admin-reports/handler.ts');
    const forced = await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle', '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(handler, 'utf8')).not.toContain('// my fix');
    expect(manifestOf(out).files['functions/admin-reports/handler.ts']!.sha256).toBe(sha256(fs.readFileSync(handler)));
  });

  it('refuses to overwrite a file cleave did not write', async () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, 'serverless.yml'), 'service: mine\n');
    const refused = await runCli('generate', SHOP, '--plan', PLAN, '-o', out, '--no-bundle');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^cleave: error: \S*serverless\.yml exists and was not written by cleave \(/);
    expect(fs.readdirSync(out)).toEqual(['serverless.yml']);
  });

  it('--dry-run lists what it would write and writes nothing', async () => {
    const out = path.join(tmp(), 'new');
    const run = await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`would write ${path.join(out, 'functions', 'admin-reports', 'handler.ts')}`);
    expect(run.stdout).toContain(`would write ${path.join(out, 'dist', 'functions', 'admin-reports', 'handler.js')}`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses the app folder itself as output, and a missing plan', async () => {
    const self = await runCli('generate', SHOP, '--plan', PLAN, '-o', SHOP + path.sep);
    expect(self).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cleave: error: the output folder .* is the app folder itself \(/) });
    const missing = await runCli('generate', SHOP, '-o', tmp());
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cleave: error: no cleave\.plan\.yaml in /) });
  });

  it('never writes outside the output folder, nor over the manifest', () => {
    const out = tmp();
    for (const bad of ['../escape.txt', 'functions/../../escape.txt', '/etc/passwd', MANIFEST_FILE]) {
      expect(() => writeOutputFiles(out, [{ path: bad, contents: 'x' }], { manifest: true })).toThrow(/refusing to write/);
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('--target sam writes template.yaml and no serverless.yml', async () => {
    const out = tmp();
    expect((await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out, '--target', 'sam', '--no-bundle')).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'template.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'serverless.yml'))).toBe(false);
  });

  it('bundles every function with esbuild, ships the app assets beside it and records the sizes', async () => {
    const out = tmp();
    const run = await runCli('--quiet', 'generate', SHOP, '--plan', PLAN, '-o', out);
    expect(run.code).toBe(0);
    const report = BundleReport.parse(JSON.parse(fs.readFileSync(path.join(out, 'bundles.json'), 'utf8')));
    expect(report.failures).toEqual([]);
    expect(report.bundles.map((b) => b.id)).toEqual(expect.arrayContaining(['admin-reports', 'healthz', 'notifications']));
    for (const b of report.bundles) {
      expect(fs.statSync(path.join(out, b.file)).size).toBe(b.bytes);
      expect(manifestOf(out).files[b.file]).toBeDefined();
    }
    expect(fs.existsSync(path.join(out, 'dist', 'functions', 'admin-reports', 'public', 'robots.txt'))).toBe(true);
    expect(run.stdout).toMatch(/^bundle function admin-reports: [\d.]+ KiB \(app code [\d.]+ KiB; /m);
  }, 60_000);
});
