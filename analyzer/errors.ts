/**
 * A problem with what the user gave cleave (a missing folder, a folder that is no Express app,
 * an unreadable config). The CLI prints it as one line and exits 2; it never carries a stack.
 */
export class InputError extends Error {
  /**
   * @param code stable UPPER_SNAKE code
   * @param message what is wrong
   * @param advice what the user can do about it
   */
  constructor(
    readonly code: string,
    message: string,
    readonly advice: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
