import { Command, CommanderError, Option } from 'commander';
import { analyzeCommand } from './commands/analyze';
import { registerInvokeCommand } from './commands/invoke';
import { registerGenerateCommand } from './commands/register-generate';
import { registerPlanCommands } from './commands/register-plan';
import { registerVerifyCommand } from './commands/verify';
import { ENTRY_OPTION_HELP } from './entry-option';
import { EXIT, reportError } from './errors';
import { type CliIo, processIo } from './io';
import { usageErrorLine } from './usage-error';
import { cleaveVersion } from './version';

/** Builds the commander program; each action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('cleave')
    .description('Split an Express.js monolith into serverless functions, from its source.')
    .version(cleaveVersion())
    .option('--debug', 'print stack traces of unexpected errors')
    .option('--quiet', 'print no progress on stderr')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    // Parse errors are printed by `main` as the one line of the contract.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });

  program
    .command('analyze')
    .description('find every route with its full path, handler, middleware, closure and hazards')
    .argument('<app-dir>', 'the app folder (holds package.json)')
    .option('--entry <file...>', ENTRY_OPTION_HELP)
    .option('--config <file>', 'cleave.config.yaml to read entry: from (default: <app-dir>/cleave.config.yaml when present)')
    .option('-o, --output <file>', 'write the Analysis JSON to this file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']))
    .action(async (appDir: string, options: { entry?: string[]; config?: string; output?: string; format?: string }) => {
      result.code = await analyzeCommand(appDir, { ...options, quiet: program.opts().quiet as boolean, debug: program.opts().debug as boolean }, io);
    });
  registerPlanCommands(program, io, result);
  registerGenerateCommand(program, io, result);
  registerVerifyCommand(program, io, result);
  registerInvokeCommand(program, io, result);
  return program;
}

/** Runs the CLI with `argv` (as `process.argv`); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync(argv);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander error is usage.
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr(usageErrorLine(error, program, argv));
      return EXIT.usage;
    }
    return reportError(error, argv.includes('--debug'), io.stderr);
  }
}
