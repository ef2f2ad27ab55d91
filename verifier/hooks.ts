import { spawn } from 'node:child_process';
import { InputError } from '../model/errors';

/** The config hooks verify runs: `verify.setup` before the run, `verify.reset` between the sides. */
export type HookName = 'setup' | 'reset';

/** How long one hook command may run. */
export const HOOK_TIMEOUT_MS = 300_000;

/** The commands of a hook: `verify.setup` or `verify.reset` as written (one command or a list). */
export function hookCommands(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * Runs the commands of `verify.<name>` one after the other through the shell, in the app folder,
 * with this process's environment plus `CLEAVE_VERIFY_HOOK=<name>`; their output goes to `output`.
 * The first command that fails (exit status, signal, timeout, no shell) stops verify with an
 * input error (exit 2): comparing answers from a state the hook did not make proves nothing.
 */
export async function runHook(
  name: HookName,
  commands: readonly string[],
  appDir: string,
  output: (chunk: Buffer) => void,
  timeoutMs = HOOK_TIMEOUT_MS,
): Promise<void> {
  for (const command of commands) {
    const failure = await runCommand(command, appDir, { ...process.env, CLEAVE_VERIFY_HOOK: name }, output, timeoutMs);
    if (failure)
      throw new InputError(
        'VERIFY_HOOK_FAILED',
        `verify.${name} command \`${command}\` ${failure}`,
        `run it in ${appDir} to see why, or fix verify.${name} in cleave.config.yaml`,
      );
  }
}

/** Runs one shell command; resolves to why it failed, or undefined. */
function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, output: (chunk: Buffer) => void, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', output);
    child.stderr.on('data', output);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`could not start: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve(`did not finish within ${timeoutMs / 1000} s`);
      else if (code === 0) resolve(undefined);
      else resolve(code !== null ? `exited with status ${code}` : `was ended by ${signal}`);
    });
  });
}
