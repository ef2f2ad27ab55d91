import type { Command } from 'commander';
import { ENTRY_OPTION_HELP } from '../entry-option';
import { formatOption } from '../format-option';
import type { CliIo } from '../io';
import { planCommand } from './plan';
import { splitCommand } from './split';

/** Registers `plan` and `split` on the program; each action stores its exit code in `result`. */
export function registerPlanCommands(program: Command, io: CliIo, result: { code: number }): void {
  const quiet = (): boolean => !!program.opts().quiet;
  program
    .command('plan')
    .description('group the routes into functions: write the editable split plan (and the report)')
    .argument('<app-dir>', 'the app folder (holds package.json)')
    .option('--config <file>', 'cleave.config.yaml to use (default: <app-dir>/cleave.config.yaml when present)')
    .option('--entry <file...>', ENTRY_OPTION_HELP)
    .option('-o, --output <file>', 'write the plan to this file; an existing plan is re-planned, keeping its edits (default: stdout)')
    .option('--report <dir>', 'also write SPLIT-REPORT.md and report.html to this folder')
    .option('--analysis <file>', 'plan from this saved analysis (cleave analyze -o, or a split folder\'s analysis.json) instead of analysing the app')
    .addOption(formatOption())
    .action(async (appDir: string, options: { config?: string; entry?: string[]; output?: string; report?: string; analysis?: string; format?: string }) => {
      result.code = await planCommand(appDir, { ...options, quiet: quiet() }, io);
    });
  program
    .command('split')
    .description('analyze + plan + report (+ generate) into one output folder')
    .argument('<app-dir>', 'the app folder (holds package.json)')
    .requiredOption('-o, --output <dir>', 'the output folder (e.g. functions/ inside the app repo)')
    .option('--config <file>', 'cleave.config.yaml to use (default: <app-dir>/cleave.config.yaml when present)')
    .option('--entry <file...>', ENTRY_OPTION_HELP)
    .option('--force', 'overwrite files in the output folder that cleave did not write or that were edited since')
    .option('--check', 'write nothing; exit 1 listing the files that would change (committed output out of date)')
    .addOption(formatOption())
    .action(async (appDir: string, options: { output: string; config?: string; entry?: string[]; force?: boolean; check?: boolean; format?: string }) => {
      result.code = await splitCommand(appDir, { ...options, quiet: quiet() }, io);
    });
}
