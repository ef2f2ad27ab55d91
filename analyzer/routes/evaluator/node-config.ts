import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'ts-morph';
import { parse } from 'yaml';
import { leadsOutsideThroughLink } from '../../load/app-boundary';
import { type Value, fromJson, object } from './values';

/** The files node-config reads first, in the order it merges them (later wins). */
const DEFAULT_FILES = ['default.json', 'default.yaml', 'default.yml'];

/** The defaults read at the latest `require('config')` of each app folder, for `get`. */
const LOADED = new Map<string, Value | undefined>();

/**
 * node-config (`require('config')`) as the started app sees it, as far as the source tells: the
 * settings of the app's `config/default.json` (or `.yaml`), each value a soft default (the file
 * of the deployment, `NODE_CONFIG` or an environment variable mapping may override it at run
 * time), with `get('a.b')` reading them. `undefined` when the app has no such file: the package
 * then stays opaque.
 */
export function nodeConfigValue(appDir: string, node: Node): Value | undefined {
  const settings = load(appDir);
  LOADED.set(appDir, settings);
  if (!settings || settings.kind !== 'object') return settings;
  const value = object(settings.props);
  value.props.set('get', { kind: 'lib', pkg: 'config', path: ['get'], text: 'config.get', node });
  value.props.set('has', { kind: 'lib', pkg: 'config', path: ['has'], text: 'config.has', node });
  return value;
}

/** `config.get('a.b')`: the setting at that dotted key; `undefined` when the defaults hold none (node-config would throw, or the app has no defaults file). */
export function nodeConfigGet(appDir: string, key: string): Value | undefined {
  let at: Value | undefined = LOADED.get(appDir);
  for (const part of key.split('.')) at = at?.kind === 'object' ? at.props.get(part) : undefined;
  return at;
}

function load(appDir: string): Value | undefined {
  const dir = path.join(appDir, 'config');
  let merged: Record<string, unknown> | undefined;
  for (const name of DEFAULT_FILES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file) || leadsOutsideThroughLink(appDir, file)) continue;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const parsed: unknown = name.endsWith('.json') ? JSON.parse(text) : parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) merged = deepMerge(merged ?? {}, parsed as Record<string, unknown>);
    } catch {
      // a file that does not parse leaves the package opaque, as if absent
    }
  }
  return merged === undefined ? undefined : fromJson(merged, 'config');
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && before && typeof before === 'object' && !Array.isArray(before)
        ? deepMerge(before as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}
