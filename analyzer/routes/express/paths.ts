import { type Value, toStringValue } from '../evaluator/values';

/** One concrete path of a registration, with the expressions behind any `{?}` in it. */
export interface PathPart {
  /** Express path, `regex:/x/` for a regular expression, `{?}` for what is not known. */
  path: string;
  /** Source texts that could not be evaluated. */
  dynamic: string[];
}

/** The paths a path argument stands for: one per array element. */
export function pathParts(value: Value | undefined): PathPart[] {
  if (!value) return [{ path: '/', dynamic: [] }];
  switch (value.kind) {
    case 'string':
      return [{ path: value.value, dynamic: value.dynamic ?? [] }];
    case 'regex':
      return [{ path: `regex:${value.text}`, dynamic: [] }];
    case 'array':
      return value.elements.flatMap((element) => pathParts(element));
    case 'unknown':
    case 'lib':
      return [{ path: '{?}', dynamic: [value.text] }];
    default: {
      const text = toStringValue(value);
      return [{ path: text ?? '{?}', dynamic: text === undefined ? [value.kind] : [] }];
    }
  }
}

/**
 * Joins a mount prefix and a path the way Express resolves them: `/` under a prefix is the
 * prefix; a regular expression under a prefix is written `<prefix> + regex:/x/`.
 */
export function joinPath(prefix: string, path: string): string {
  if (prefix.startsWith('regex:') || (path.startsWith('regex:') && prefix !== '/' && prefix !== '')) {
    return path === '/' ? prefix : `${prefix} + ${path}`;
  }
  if (path === '/' || path === '') return prefix || '/';
  if (!prefix || prefix === '/') return path;
  return prefix.replace(/\/$/, '') + path;
}

/** Whether middleware registered under `mountPath` runs for a request to `routePath`. */
export function underPath(mountPath: string, routePath: string): boolean {
  if (mountPath === '/' || mountPath === '') return true;
  const base = mountPath.replace(/\/$/, '');
  return routePath === base || routePath.startsWith(base + '/') || routePath.startsWith(base + ' + ');
}
