import { Command, CommanderError } from 'commander';
import type { CliCommand } from './command';
import { analyze } from './commands/analyze';
import { generate } from './commands/generate';
import { invoke } from './commands/invoke';
import { plan } from './commands/plan';
import { split } from './commands/split';
import { verify } from './commands/verify';
import { EXIT, reportError } from './errors';
import { type CliIo, processIo } from './io';
import { usageErrorLine } from './usage-error';
import { cleaveVersion } from './version';

/** Every command, in the order `--help` lists them. */
const COMMANDS: readonly CliCommand[] = [analyze, plan, split, generate, verify, invoke];

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

  for (const spec of COMMANDS) {
    spec.define(program.command(spec.name)).action(async (...params: unknown[]) => {
      // commander passes the positional arguments, then the options, then the command itself.
      const options = params[params.length - 2] as object;
      const args = params.slice(0, -2) as string[];
      const globals = program.opts();
      result.code = await spec.run(args, options, { io, quiet: !!globals.quiet, debug: !!globals.debug });
    });
  }
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
