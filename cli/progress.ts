import type { ProgressListener } from '../model/progress';

/** Width of the drawn bar, in characters. */
const BAR = 24;

/**
 * Renders progress events on stderr; nothing when quiet. Stage lines are printed as they come.
 * Count events (`done` of `total`) are drawn on a terminal as one line redrawn in place
 * (`cleave: generate: bundling handlers [#########...............] 19/50`), cleared before the
 * next stage line; elsewhere they are not printed, so logs and CI output keep only stage lines.
 */
export function progressPrinter(quiet: boolean, stderr: (text: string) => void, tty = false): ProgressListener {
  if (quiet) return () => undefined;
  let drawn = false;
  return (event) => {
    if (event.done !== undefined && event.total !== undefined) {
      if (!tty || event.total <= 0) return;
      const filled = Math.round((BAR * Math.min(event.done, event.total)) / event.total);
      stderr(`\r\x1b[2Kcleave: ${event.stage}: ${event.message} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${event.done}/${event.total}`);
      drawn = true;
      return;
    }
    if (drawn) stderr('\r\x1b[2K');
    drawn = false;
    stderr(`cleave: ${event.stage}: ${event.message}\n`);
  };
}
