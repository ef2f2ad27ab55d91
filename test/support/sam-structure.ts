import { parse, type Tags } from 'yaml';

/** Long-form CloudFormation intrinsics from the short tags (`!Ref X` → `{ Ref: 'X' }`). */
const CFN_TAGS: Tags = [
  'Ref',
  'Sub',
  'GetAtt',
  'If',
  'Not',
  'Equals',
  'Join',
  'Select',
  'Split',
  'And',
  'Or',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Condition',
].flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  return (['scalar', 'seq', 'map'] as const).map((kind) => ({
    tag: `!${name}`,
    ...(kind === 'scalar' ? {} : { collection: kind }),
    resolve: (value: unknown) => ({ [key]: kind === 'scalar' ? value : (value as { toJSON(): unknown }).toJSON() }),
  }));
}) as unknown as Tags;

/** Parses a CloudFormation/SAM YAML template, intrinsics in long form. */
export function parseTemplate(text: string): Record<string, unknown> {
  return parse(text, { customTags: CFN_TAGS }) as Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);
const RUNTIMES = new Set(['nodejs18.x', 'nodejs20.x', 'nodejs22.x']);

/**
 * Structural checks of a SAM template, for machines without cfn-lint: the shape of what cleave
 * writes (functions, HttpApi and Schedule events, fallback integration and routes, parameters,
 * conditions), and that every `Ref`, `${...}` in `Sub`, `Condition` and `If` names something that
 * exists. Returns one line per problem.
 */
export function samProblems(template: Obj): string[] {
  const problems: string[] = [];
  const params = (template.Parameters ?? {}) as Obj;
  const resources = (template.Resources ?? {}) as Record<string, Obj>;
  const conditions = (template.Conditions ?? {}) as Obj;
  const names = new Set([...Object.keys(params), ...Object.keys(resources)]);
  const known = (name: string): boolean => names.has(name.split('.')[0]!) || name.startsWith('AWS::');
  if (template.Transform !== 'AWS::Serverless-2016-10-31') problems.push('Transform is not AWS::Serverless-2016-10-31');
  if (template.AWSTemplateFormatVersion !== '2010-09-09') problems.push('AWSTemplateFormatVersion is not the string 2010-09-09');
  const runtime = ((template.Globals as Obj | undefined)?.Function as Obj | undefined)?.Runtime;
  if (typeof runtime !== 'string' || !RUNTIMES.has(runtime)) problems.push(`Globals.Function.Runtime ${String(runtime)} is not a Node.js runtime`);
  for (const [name, p] of Object.entries(params)) if ((p as Obj).Type !== 'String') problems.push(`Parameters.${name}.Type is not String`);
  walk(template, (node, where) => {
    if (typeof node.Ref === 'string' && !known(node.Ref)) problems.push(`${where}: Ref to unknown ${node.Ref}`);
    const sub = node['Fn::Sub'];
    if (typeof sub === 'string') for (const m of sub.matchAll(/\$\{([^}!]+)\}/g)) if (!known(m[1]!)) problems.push(`${where}: Sub names unknown ${m[1]}`);
    const cond = node['Fn::If'];
    if (Array.isArray(cond) && !(String(cond[0]) in conditions)) problems.push(`${where}: If on unknown condition ${String(cond[0])}`);
  });
  for (const [id, r] of Object.entries(resources)) {
    if (typeof r.Condition === 'string' && !(r.Condition in conditions)) problems.push(`Resources.${id}: unknown Condition ${r.Condition}`);
    const props = (r.Properties ?? {}) as Obj;
    if (r.Type === 'AWS::Serverless::Function') problems.push(...functionProblems(id, props, resources));
    else if (r.Type === 'AWS::ApiGatewayV2::Route' && !/^(ANY|[A-Z]+) \/\S*$|^\$default$/.test(String(props.RouteKey)))
      problems.push(`Resources.${id}: RouteKey ${String(props.RouteKey)}`);
    else if (r.Type === 'AWS::ApiGatewayV2::Integration' && props.IntegrationType !== 'HTTP_PROXY')
      problems.push(`Resources.${id}: IntegrationType is not HTTP_PROXY`);
    else if (!['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::Serverless::Function'].includes(String(r.Type)))
      problems.push(`Resources.${id}: unexpected Type ${String(r.Type)}`);
  }
  return problems;
}

function functionProblems(id: string, props: Obj, resources: Record<string, Obj>): string[] {
  const out: string[] = [];
  if (typeof props.CodeUri !== 'string' || !props.CodeUri.startsWith('dist/')) out.push(`Resources.${id}: CodeUri is not a dist/ folder`);
  if (typeof props.MemorySize !== 'number' || props.MemorySize < 128 || props.MemorySize > 10240) out.push(`Resources.${id}: MemorySize out of range`);
  if (typeof props.Timeout !== 'number' || props.Timeout < 1 || props.Timeout > 900) out.push(`Resources.${id}: Timeout out of range`);
  for (const [name, event] of Object.entries((props.Events ?? {}) as Record<string, Obj>)) {
    const e = (event.Properties ?? {}) as Obj;
    if (!/^[A-Za-z0-9]+$/.test(name)) out.push(`Resources.${id}.Events.${name}: name is not alphanumeric`);
    if (event.Type === 'HttpApi') {
      if (!HTTP_METHODS.has(String(e.Method))) out.push(`Resources.${id}.Events.${name}: Method ${String(e.Method)}`);
      if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@%{}/-]*$/.test(String(e.Path))) out.push(`Resources.${id}.Events.${name}: Path ${String(e.Path)}`);
      const api = (e.ApiId as Obj | undefined)?.Ref;
      if (typeof api !== 'string' || resources[api]?.Type !== 'AWS::Serverless::HttpApi')
        out.push(`Resources.${id}.Events.${name}: ApiId is not a Ref to an AWS::Serverless::HttpApi`);
    } else if (event.Type === 'Schedule') {
      if (!/^(rate|cron)\(.+\)$/.test(String(e.Schedule))) out.push(`Resources.${id}.Events.${name}: Schedule ${String(e.Schedule)}`);
    } else {
      out.push(`Resources.${id}.Events.${name}: unexpected Type ${String(event.Type)}`);
    }
  }
  return out;
}

function walk(node: unknown, visit: (node: Obj, where: string) => void, where = ''): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${where}[${i}]`));
  else if (node !== null && typeof node === 'object') {
    visit(node as Obj, where);
    for (const [k, v] of Object.entries(node)) walk(v, visit, where ? `${where}.${k}` : k);
  }
}
