import * as path from 'node:path';
import type { AnalyzeOptions } from '../analyzer/analyze';
import { ENTRY_FLAG } from '../analyzer/load/explicit-entries';
import type { Config } from '../model/config';
import { DEFAULT_CONFIG_FILE } from './config';

/** Help text of the `--entry` option, the same on every command that analyses the app. */
export const ENTRY_OPTION_HELP = 'entry file(s) relative to the app folder (default: entry: in the config, else found automatically)';

/**
 * The entry files to analyse and where they were named: `--entry` wins over `entry:` of the
 * config; with neither, the analyzer finds the entries itself.
 */
export function entryOptions(
  appDir: string,
  flag: string[] | undefined,
  config: Config,
  configOption: string | undefined,
): Pick<AnalyzeOptions, 'entry' | 'entrySource'> {
  if (flag?.length) return { entry: flag, entrySource: ENTRY_FLAG };
  if (config.entry === undefined) return {};
  const file = configOption ?? (path.relative(process.cwd(), path.join(appDir, DEFAULT_CONFIG_FILE)) || DEFAULT_CONFIG_FILE);
  return { entry: typeof config.entry === 'string' ? [config.entry] : config.entry, entrySource: { key: 'entry', file } };
}
