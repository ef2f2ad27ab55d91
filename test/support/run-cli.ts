import { main } from '../../cli/main';

/** What one in-process run of the CLI gave. */
export interface CliRun {
  /** Exit code `main` resolved to. */
  code: number;
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
}

/** Runs `cleave <args...>` in process with buffered streams. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'cleave', ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr };
}

/** A stack trace line as V8 prints it. */
export const STACK_LINE = '    at ';
