import type { Command } from 'commander';
import type { CliIo } from './io';

/** What a command runs with besides its arguments and options: the program's global flags and where it prints. */
export interface CommandContext {
  /** Where output and messages go. */
  io: CliIo;
  /** `--quiet`: no progress on stderr. */
  quiet: boolean;
  /** `--debug`: stack traces of unexpected errors. */
  debug: boolean;
}

/**
 * One cleave command, every one declared the same way: `define` gives commander its
 * description, arguments and options; `run` does the work and resolves to the exit code
 * (errors it throws are reported by `main`). `cli/main.ts` registers them in `COMMANDS` order.
 */
export interface CliCommand<Options extends object = object> {
  /** The command's name (`split`). */
  name: string;
  /** Declares its description, arguments and options on `command`. */
  define(command: Command): Command;
  /** Runs it with its positional arguments in order and its parsed options. */
  run(args: string[], options: Options, context: CommandContext): Promise<number>;
}
