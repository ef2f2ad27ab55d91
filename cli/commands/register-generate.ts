import { type Command, Option } from 'commander';
import { TARGET_NAMES } from '../../generators/targets';
import { formatOption } from '../format-option';
import type { CliIo } from '../io';
import { generateCommand, type GenerateCommandOptions } from './generate';

/** Registers `generate` on the program; its action stores the exit code in `result`. */
export function registerGenerateCommand(program: Command, io: CliIo, result: { code: number }): void {
  program
    .command('generate')
    .description('write the handlers, serverless.yml and template.yaml of a split plan, and bundle each function')
    .argument('<app-dir>', 'the app folder (holds package.json)')
    .requiredOption('-o, --output <dir>', 'the output folder (e.g. functions/ inside the app repo; not the app folder itself)')
    .option('--plan <file>', 'the split plan (default: <out>/cleave.plan.yaml, else <app-dir>/cleave.plan.yaml)')
    .addOption(new Option('--target <target>', 'deployment config to write').choices([...TARGET_NAMES, 'all']).default('all'))
    .option('--force', 'overwrite files cleave did not write or that were edited since')
    .option('--dry-run', 'list what would be written; write nothing')
    .option('--check', 'write nothing; exit 1 listing the files that would change (committed output out of date)')
    .option('--no-bundle', 'do not bundle the handlers with esbuild')
    .addOption(formatOption())
    .action(async (appDir: string, options: Omit<GenerateCommandOptions, 'quiet'>) => {
      result.code = await generateCommand(appDir, { ...options, quiet: !!program.opts().quiet }, io);
    });
}
