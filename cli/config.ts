import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../model/config-file';
import { parsePlanFile } from '../model/plan-file';
import { InputError } from '../model/errors';
import type { Config } from '../model/config';
import type { PlanFile } from '../model/plan';

/** The config file looked for in the app folder when `--config` is not given. */
export const DEFAULT_CONFIG_FILE = 'cleave.config.yaml';

/** Loads `--config FILE` (which must exist), else `<app-dir>/cleave.config.yaml` when present, else the defaults. */
export function loadConfig(appDir: string, explicit: string | undefined): Config {
  const file = explicit ?? path.join(appDir, DEFAULT_CONFIG_FILE);
  if (!fs.existsSync(file)) {
    if (explicit)
      throw new InputError('CONFIG_NOT_FOUND', `config file ${explicit} does not exist`, 'check the --config path, or leave it out to use the defaults');
    return parseConfigText('', DEFAULT_CONFIG_FILE);
  }
  return parseConfigText(fs.readFileSync(file, 'utf8'), explicit ?? path.relative(process.cwd(), file));
}

/** Reads the previous plan at `file` when it exists: re-planning keeps its edits (its decisions; the analysis is made afresh). */
export function loadPreviousPlan(file: string): PlanFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  return parsePlanFile(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
}
