/** Where the CLI prints: the real streams, or buffers in tests. */
export interface CliIo {
  /** Results. */
  stdout: (text: string) => void;
  /** Progress and errors. */
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress counts are then drawn as a bar redrawn in place. */
  stderrIsTTY?: boolean;
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
};
