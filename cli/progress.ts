import type { ProgressListener } from '../model/progress';

/** Renders progress events on stderr as plain lines; nothing when quiet. */
export function progressPrinter(quiet: boolean, stderr: (text: string) => void): ProgressListener {
  if (quiet) return () => undefined;
  return (event) => stderr(`cleave: ${event.stage}: ${event.message}\n`);
}
