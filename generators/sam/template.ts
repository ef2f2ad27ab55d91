/**
 * The part of an AWS SAM template that cleave writes, as types; `Intrinsic`s print as short
 * tags (`!Ref`, `!Sub`, `!If`).
 */
import type { Intrinsic } from '../yaml-doc';

/** A value that may be an intrinsic function. */
export type Value<T> = T | Intrinsic;

/** A template parameter. */
export interface SamParameter {
  Type: 'String';
  Default?: string;
  Description: string;
  AllowedPattern?: string;
  ConstraintDescription?: string;
  NoEcho?: boolean;
}

/** An `HttpApi` event of a function. */
export interface HttpApiEvent {
  Type: 'HttpApi';
  Properties: { ApiId: Intrinsic; Method: string; Path: string };
}

/** A `Schedule` event of a function. */
export interface ScheduleEvent {
  Type: 'Schedule';
  Properties: { Schedule: string; Enabled: boolean; Description?: string };
}

/** `AWS::Serverless::Function`. */
export interface SamFunction {
  Type: 'AWS::Serverless::Function';
  Properties: {
    Description: string;
    CodeUri: string;
    MemorySize: number;
    Timeout: number;
    Environment?: { Variables: Record<string, Value<string>> };
    Events?: Record<string, HttpApiEvent | ScheduleEvent>;
  };
}

/** Any other resource (the HTTP API and the fallback). */
export interface OtherResource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}

/** `template.yaml`. */
export interface SamTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform: 'AWS::Serverless-2016-10-31';
  Description: string;
  Parameters: Record<string, SamParameter>;
  Conditions?: Record<string, Intrinsic>;
  Globals: { Function: { Runtime: string; Handler: string; Architectures: string[] } };
  Resources: Record<string, SamFunction | OtherResource>;
  Outputs?: Record<string, { Description: string; Value: Value<string> }>;
}
