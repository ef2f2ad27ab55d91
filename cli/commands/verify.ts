import * as fs from 'node:fs';
import * as path from 'node:path';
import { BundleReport } from '../../model/bundle-report';
import { checkAppFolder } from '../../analyzer/load/app-root';
import { InputError } from '../../model/errors';
import { generateReport } from '../../generators/report';
import { authWallNote, verificationLine } from '../../generators/report/verification';
import { PLAN_FILE } from '../../model/output-files';
import type { SplitPlan } from '../../model/plan';
import { loadConfig } from '../config';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { table } from '../reporters/analysis-text';
import type { PayloadVersion } from '../../verifier/events';
import type { VerificationWarning } from '../../model/verification';
import { BOOT_MODULE_MISSING } from '../../verifier/boot-modules';
import { hookCommands } from '../../verifier/hooks';
import { monolithEntry } from '../../verifier/monolith-entry';
import { type VerifyReport, runVerify } from '../../verifier/run-verify';
import { writeOutputFiles } from '../output';
import { isJson, formatOption } from '../format-option';
import { commandResultText, resultFiles } from '../reporters/command-json';
import { readPlan } from '../plan-loader';
import { BUNDLES_FILE, VERIFICATION_FILE } from '../../model/output-files';

/** Options of `cleave verify`. */
interface VerifyCommandOptions {
  functions: string;
  entry?: string[];
  config?: string;
  payload: PayloadVersion;
  stage?: string;
  format?: string;
}

/** `cleave verify <app-dir> --functions <out-dir>`. */
export const verify: CliCommand<VerifyCommandOptions> = {
  name: 'verify',
  define: (command) =>
    command
      .description('prove the generated functions answer like the monolith (exit 1 on any difference)')
      .argument('<app-dir>', 'the monolith folder')
      .requiredOption('--functions <out-dir>', 'the folder cleave generate wrote (holds cleave.plan.yaml)')
      .option('--entry <file...>', "the entry file that starts the monolith, relative to the app folder (default: the plan's app.entry)")
      .option('--config <file>', 'cleave.config.yaml with a verify section (default: <app-dir>/cleave.config.yaml)')
      .option('--payload <version>', 'API Gateway payload format: v2 (HTTP API) or v1 (REST API)', 'v2')
      .option('--stage <name>', 'an API stage in the request path (/<stage>/...)')
      .addOption(formatOption()),
  run: ([appDir], options, { io, quiet }) => verifyCommand(appDir!, options, io, quiet),
};

async function verifyCommand(appDir: string, options: VerifyCommandOptions, io: CliIo, quiet: boolean): Promise<number> {
  if (options.payload !== 'v1' && options.payload !== 'v2')
    throw new InputError('BAD_PAYLOAD', `unknown payload format: ${options.payload}`, 'use --payload v1 or --payload v2');
  checkAppFolder(appDir);
  const outDir = path.resolve(options.functions);
  const planFile = path.join(outDir, PLAN_FILE);
  if (!fs.existsSync(planFile))
    throw new InputError('NO_PLAN', `no ${PLAN_FILE} in ${options.functions}`, 'run cleave split (or plan and generate) into that folder first');
  const { plan, notices } = await readPlan(planFile, { appDir });
  if (!quiet) for (const n of notices) io.stderr(`cleave: verify: warning ${n.code}: ${n.message}\n`);
  const entry = monolithEntry(appDir, options.entry, plan.app.entry, path.relative(process.cwd(), planFile) || planFile);
  const config = loadConfig(appDir, options.config).verify;
  if (config.mode === 'interleaved' && hookCommands(config.reset).length > 0) {
    throw new InputError(
      'VERIFY_RESET_NEEDS_SIDES',
      "verify.reset runs between the monolith's turn and the functions' turn, but verify.mode is interleaved",
      'set verify.mode: sides (the default when reset is set), or drop verify.reset',
    );
  }
  const warnings = entryWarnings(entry, plan.app.entry, options.entry !== undefined);
  if (!quiet) for (const w of warnings) io.stderr(`cleave: verify: warning ${w.code}: ${w.message} (${w.advice})\n`);
  const report = await runVerify({
    warnings,
    appDir,
    entry,
    outDir,
    plan,
    config,
    payload: options.payload,
    stage: options.stage,
    onProgress: quiet ? undefined : (m) => io.stderr(`cleave: verify: ${m}\n`),
    // The apps' own logs help when a difference needs explaining; --quiet drops them too.
    appOutput: quiet ? () => undefined : undefined,
  });
  if (!quiet)
    for (const w of (report.warnings ?? []).filter((x) => !warnings.includes(x))) io.stderr(`cleave: verify: warning ${w.code}: ${w.message} (${w.advice})\n`);
  const written = writeVerification(outDir, plan, report, io);
  const code = report.summary.mismatched > 0 ? EXIT.findings : EXIT.ok;
  if (isJson(options.format)) {
    const findings = [
      ...report.results
        .filter((r) => r.differences.length > 0)
        .map((r) => ({
          code: 'VERIFY_DIFFERENCE',
          severity: 'error' as const,
          file: '',
          subject: r.route,
          message: `${r.request} in ${r.function}: ${r.differences.join('; ')}`,
        })),
      ...(report.warnings ?? []).map((w) => ({
        code: w.code,
        severity: 'warning' as const,
        file: w.code === BOOT_MODULE_MISSING && w.subject ? w.subject : '',
        ...(w.subject ? { subject: w.subject } : {}),
        message: w.message,
        advice: w.advice,
      })),
    ];
    const { matchedErrorStatuses: _statuses, ...counts } = report.summary;
    io.stdout(commandResultText({ command: 'verify', exitCode: code, findings, files: resultFiles({ written, unchanged: [] }), summary: counts }));
    return code;
  }
  io.stdout(renderVerifyText(report));
  return code;
}

/** Code of the warning for a verify `--entry` that is not among the plan's entries. */
export const ENTRY_NOT_PLANNED = 'VERIFY_ENTRY_NOT_PLANNED';

/**
 * A warning when `--entry` starts a monolith from another file than the plan's `app.entry`: the
 * functions were generated from what the plan's entry registers, so the comparison is with a
 * different app (another entry can skip a hook, or mount other routers).
 */
export function entryWarnings(entry: string, planEntries: readonly string[], fromFlag: boolean): VerificationWarning[] {
  if (!fromFlag || planEntries.includes(entry)) return [];
  return [
    {
      code: ENTRY_NOT_PLANNED,
      subject: entry,
      message: `verify starts the monolith from ${entry}, but the plan was made from ${planEntries.join(', ') || 'no entry'}: the functions are compared with a monolith they were not split from`,
      advice: `drop --entry to run the plan's entry, or split again with --entry ${entry}`,
    },
  ];
}

/** The bundles.json `cleave generate` left in the output folder, when it is there and valid (else the report goes without it). */
function builtBundles(outDir: string): BundleReport | undefined {
  try {
    const parsed = BundleReport.safeParse(JSON.parse(fs.readFileSync(path.join(outDir, BUNDLES_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** File verify writes its findings to, in the output folder. */

/**
 * Writes verification.json (always replaced: it is verify's result) and renders SPLIT-REPORT.md
 * and report.html again with a verification section, through the manifest: a report edited
 * since cleave wrote it is left alone, with a warning, and verify's result stands.
 */
function writeVerification(outDir: string, plan: SplitPlan, report: VerifyReport, io: CliIo): string[] {
  const done = [VERIFICATION_FILE];
  writeOutputFiles(outDir, [{ path: VERIFICATION_FILE, contents: JSON.stringify(report, null, 2) + '\n' }], { manifest: true, force: true });
  try {
    const written = writeOutputFiles(outDir, generateReport(plan, report, builtBundles(outDir)), { manifest: true });
    done.push(...written.written.map((f) => path.relative(outDir, f)));
    for (const file of written.keptEdited)
      io.stderr(
        `cleave: verify: warning: the report was not updated: ${path.join(outDir, file)} was edited since cleave wrote it (run cleave generate --force to replace it)\n`,
      );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`cleave: verify: warning: the report was not updated: ${error.message}${error.advice ? ` (${error.advice})` : ''}\n`);
  }
  return done;
}

/** Median and slowest cold start of the functions verify loaded, or undefined when it loaded none. */
export function initLine(report: VerifyReport): string | undefined {
  const inits = [...(report.inits ?? [])].sort((a, b) => a.initMs - b.initMs);
  if (inits.length === 0) return undefined;
  const median = inits[Math.floor((inits.length - 1) / 2)]!.initMs;
  const slowest = inits[inits.length - 1]!;
  return `cold start (require of each bundle, which builds the app): median ${median} ms over ${inits.length} function${inits.length === 1 ? '' : 's'}, slowest ${slowest.function} ${slowest.initMs} ms`;
}

/** The text report of `cleave verify`: one row per request, then every difference. */
export function renderVerifyText(report: VerifyReport): string {
  const rows = report.results.map((r) => [r.differences.length === 0 ? 'ok' : 'DIFF', r.function, r.request, `${r.monolithStatus}`, `${r.functionStatus}`]);
  const out = table(['', 'FUNCTION', 'REQUEST', 'MONOLITH', 'FUNCTION'], rows);
  for (const r of report.results.filter((x) => x.differences.length > 0)) {
    out.push('', `${r.route} (${r.request}) in ${r.function}:`, ...r.differences.map((d) => `  ${d}`));
  }
  if (report.skipped.length > 0) out.push('', 'Not exercised:', ...report.skipped.map((s) => `  ${s.route}: ${s.reason}`));
  if (report.unknownRoutes?.length)
    out.push(
      '',
      'In verify.requests or verify.skip but served by no function (kept in the monolith, or misspelt):',
      ...report.unknownRoutes.map((r) => `  ${r}`),
    );
  const ignored = report.results.filter((r) => r.ignored?.length);
  if (ignored.length > 0)
    out.push('', 'Differed but left out by verify.ignore:', ...ignored.map((r) => `  ${r.request} (${r.function}): ${r.ignored!.join(', ')}`));
  for (const w of report.warnings ?? []) out.push('', `warning ${w.code}: ${w.message} (${w.advice})`);
  out.push('', verificationLine(report).replace(/`/g, ''));
  const init = initLine(report);
  if (init) out.push(init);
  const wall = authWallNote(report);
  if (wall) out.push(wall.replace(/`/g, ''));
  return out.join('\n') + '\n';
}
