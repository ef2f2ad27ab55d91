/**
 * The part of the Serverless Framework configuration (v3 syntax, which v4 reads too) that
 * cleave writes, as types: the generator builds one of these and `yaml` prints it.
 */

/** An `httpApi` event: one API Gateway HTTP API route. */
export interface HttpApiEvent {
  httpApi: { method: string; path: string };
}

/** A `schedule` event (EventBridge rule). */
export interface ScheduleEvent {
  schedule: { rate: string[]; enabled: boolean; description?: string };
}

/** One function. */
export interface ServerlessFunction {
  /** `<file without .js>.<export>`, relative to the service folder. */
  handler: string;
  /** What it does, in the console. */
  description?: string;
  memorySize: number;
  timeout: number;
  /** Names only; each value is `${env:NAME, null}` (read from the deploying shell, left out when unset). */
  environment?: Record<string, string>;
  /** Only its own bundle. */
  package: { patterns: string[] };
  events?: Array<HttpApiEvent | ScheduleEvent>;
}

/** A CloudFormation resource in `resources.Resources`. */
export interface CfnResource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}

/** `serverless.yml`. */
export interface ServerlessConfig {
  service: string;
  frameworkVersion: string;
  /** `warn`: Framework v3's schema does not know the runtime cleave emits (nodejs22.x); v4 does. */
  configValidationMode: 'warn' | 'error';
  /** Stage parameters; `default` applies to every stage. */
  params: { default: Record<string, string> };
  provider: {
    name: 'aws';
    runtime: string;
    stage: string;
    region: string;
    httpApi?: { payload: '2.0' | '1.0' };
  };
  package: { individually: true; patterns: string[] };
  functions: Record<string, ServerlessFunction>;
  resources?: { Conditions?: Record<string, unknown>; Resources: Record<string, CfnResource>; Outputs?: Record<string, unknown> };
}
