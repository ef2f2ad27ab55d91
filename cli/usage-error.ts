import type { Command, CommanderError } from 'commander';

/**
 * The one line of the CLI contract for a commander parse error (unknown option or command,
 * missing argument, invalid choice): `cleave: error: <what> (<advice>)`. Commander's own
 * "Did you mean" suggestion becomes the advice; otherwise the help of the command is named.
 */
export function usageErrorLine(error: CommanderError, program: Command, argv: string[]): string {
  if (error.code === 'commander.help') {
    const names = program.commands.map((c) => c.name()).join(', ');
    return `cleave: error: no command given (use one of ${names}; see cleave --help)\n`;
  }
  const [first = '', ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  const what = first.trim().replace(/\.$/, '');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  const command = program.commands.find((c) => argv.slice(2).includes(c.name()));
  const help = command ? `cleave ${command.name()} --help` : 'cleave --help';
  return `cleave: error: ${what} (${suggestion ? `did you mean ${suggestion}? ` : ''}see ${help})\n`;
}
