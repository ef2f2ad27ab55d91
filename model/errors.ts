import type { InputErrorCode } from './input-error-codes';

/**
 * A problem with what the user gave cleave (a missing folder, a folder that is no Express app,
 * an unreadable config). The CLI prints it as one line and exits 2; it never carries a stack.
 */
export class InputError extends Error {
  /**
   * @param code stable code, one of model/input-error-codes.ts
   * @param message what is wrong
   * @param advice what the user can do about it
   */
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly advice: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * A `cleave.config.yaml` (or a saved plan) that does not parse or validate. `problems` holds one
 * line per problem, each naming the key path (`functions.users.memory: expected number, got string`).
 */
export class ConfigError extends InputError {
  /**
   * @param file the file as the user named it
   * @param problems one line per problem
   * @param advice what to do
   */
  constructor(
    readonly file: string,
    readonly problems: string[],
    advice: string,
  ) {
    super('INVALID_CONFIG', `${file}: ${problems[0] ?? 'invalid'}`, advice);
    this.name = 'ConfigError';
  }
}
