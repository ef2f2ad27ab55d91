import { samTarget } from './sam';
import { serverlessTarget } from './serverless';
import type { Target } from './deployment';

/**
 * Every deployment target, by `--target` name. Adding one (Azure Functions, Knative) is adding a
 * folder that exports a `Target` and a line here; the handlers are shared by all of them.
 */
export const TARGETS = {
  serverless: serverlessTarget,
  sam: samTarget,
} as const satisfies Record<string, Target>;

/** A `--target` name. */
export type TargetName = keyof typeof TARGETS;

/** The `--target` names, `all` excluded. */
export const TARGET_NAMES = Object.keys(TARGETS) as TargetName[];
