import type { Node } from 'ts-morph';
import type { Value } from '../evaluator/values';

/** A `passport.use(...)` call the evaluation reached. */
export interface StrategySite {
  /** The call. */
  node: Node;
  /** The name routes authenticate with, when known. */
  name?: string;
  /** The strategy's package, when it is built from one. */
  pkg?: string;
}

/**
 * The names strategy packages give their strategies when `passport.use` is not given one, by
 * package then export (`''` for the package itself, `new (require('passport-http-bearer'))()`),
 * as each package's constructor sets `this.name`. A package missing here leaves its registration
 * in every function (its name is unknown).
 */
const DEFAULT_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'passport-local': { Strategy: 'local', '': 'local' },
  'passport-jwt': { Strategy: 'jwt' },
  'passport-http-bearer': { Strategy: 'bearer', '': 'bearer' },
  'passport-http': { BasicStrategy: 'basic', DigestStrategy: 'digest' },
  'passport-anonymous': { Strategy: 'anonymous', '': 'anonymous' },
  'passport-headerapikey': { HeaderAPIKeyStrategy: 'headerapikey' },
  'passport-github': { Strategy: 'github', '': 'github' },
  'passport-github2': { Strategy: 'github', '': 'github' },
  'passport-google-oauth': { OAuth2Strategy: 'google', OAuthStrategy: 'google', Strategy: 'google' },
  'passport-google-oauth20': { Strategy: 'google', '': 'google' },
  'passport-google-oauth2': { Strategy: 'google', '': 'google' },
  'passport-facebook': { Strategy: 'facebook', '': 'facebook' },
  'passport-twitter': { Strategy: 'twitter', '': 'twitter' },
  'passport-linkedin': { Strategy: 'linkedin', '': 'linkedin' },
  'passport-linkedin-oauth2': { Strategy: 'linkedin', OAuth2Strategy: 'linkedin' },
  'passport-oauth2': { Strategy: 'oauth2', '': 'oauth2' },
};

/**
 * The registration `passport.use(args)` makes: the name given as the first argument, else the
 * default name of the strategy's package (`new GitHubStrategy(...)` from `passport-github`).
 * Undefined for any other call.
 */
export function strategyRegistration(callee: Value, args: readonly Value[], node: Node): StrategySite | undefined {
  if (callee.kind !== 'lib' || callee.pkg !== 'passport' || callee.path.join('.') !== 'use') return undefined;
  const [first, second] = args;
  // `use(name, strategy)`: the name given (unknown unless a plain literal); `use(strategy)`: its package's default.
  const strategy = args.length >= 2 ? second : first;
  const pkg = strategy?.kind === 'lib' && strategy.pkg.startsWith('passport') ? strategy.pkg : undefined;
  const name =
    args.length >= 2
      ? first?.kind === 'string' && !first.dynamic && first.soft === undefined
        ? first.value
        : undefined
      : pkg !== undefined && strategy?.kind === 'lib'
        ? defaultName(pkg, strategy.path)
        : undefined;
  return { node, ...(name !== undefined ? { name } : {}), ...(pkg !== undefined ? { pkg } : {}) };
}

/** A strategy built with `new X(...)` evaluates to the call of X: its export path, less the call. */
function defaultName(pkg: string, path: readonly string[]): string | undefined {
  if (path[path.length - 1] !== '()') return undefined;
  return DEFAULT_NAMES[pkg]?.[path.slice(0, -1).join('.')];
}
