import { Command, CommanderError, Option } from 'commander';
import { analyzeCommand } from './commands/analyze';
import { EXIT, reportError } from './errors';
import { type CliIo, processIo } from './io';

/** Builds the commander program; each action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('cleave')
    .description('Split an Express.js monolith into serverless functions, from its source.')
    .version(require('../../package.json').version as string)
    .option('--debug', 'print stack traces of unexpected errors')
    .option('--quiet', 'print no progress on stderr')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('analyze')
    .description('find every route with its full path, handler, middleware, closure and hazards')
    .argument('<app-dir>', 'the app folder (holds package.json)')
    .option('--entry <file...>', 'entry file(s) relative to the app folder (default: found automatically)')
    .option('-o, --output <file>', 'write the Analysis JSON to this file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']))
    .action(async (appDir: string, options: { entry?: string[]; output?: string; format?: string }) => {
      result.code = await analyzeCommand(appDir, { ...options, quiet: program.opts().quiet as boolean }, io);
    });
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
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(error, argv.includes('--debug'), io.stderr);
  }
}
