import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_FILE, bundleDir } from '../../generators/layout';
import { InputError } from '../../model/errors';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { apiGatewayEvent, type PayloadVersion } from '../../verifier/events';
import { startFunctions } from '../../verifier/function-process';
import { observeLambda } from '../../verifier/lambda-response';
import type { RequestSpec } from '../../verifier/request-spec';

/** Options of `cleave invoke`. */
interface InvokeCommandOptions {
  /** The output folder of split or generate (holds dist/functions/<id>/). */
  functions: string;
  /** Request body. */
  data?: string;
  /** `name:value` request headers. */
  header?: string[];
  /** API Gateway payload format. */
  payload: string;
}

/** `cleave invoke <function-id> <method> <path>`. */
export const invoke: CliCommand<InvokeCommandOptions> = {
  name: 'invoke',
  define: (command) =>
    command
      .description('run one generated function as Lambda would: load its bundle, send it one API Gateway event, print the response')
      .argument('<function-id>', 'the function (an id of the plan)')
      .argument('<method>', 'HTTP method')
      .argument('<path>', 'request path, with a query string if any (/api/users/1?full=1)')
      .option('--functions <out-dir>', 'the folder cleave split or generate wrote', '.')
      .option('--data <body>', 'request body (JSON gets content-type application/json unless a header says otherwise)')
      .option('--header <name:value...>', 'request header(s)')
      .option('--payload <version>', 'API Gateway payload format: v2 (HTTP API) or v1 (REST API)', 'v2'),
  run: ([id, method, urlPath], options, { io }) => invokeCommand(id!, method!, urlPath!, options, io),
};

async function invokeCommand(id: string, method: string, urlPath: string, options: InvokeCommandOptions, io: CliIo): Promise<number> {
  if (options.payload !== 'v1' && options.payload !== 'v2')
    throw new InputError('BAD_PAYLOAD', `unknown payload format: ${options.payload}`, 'use --payload v1 or --payload v2');
  const outDir = path.resolve(options.functions);
  const bundle = path.join(outDir, bundleDir('function', id), BUNDLE_FILE);
  if (!fs.existsSync(bundle)) {
    const known = listFunctions(path.join(outDir, path.dirname(bundleDir('function', id))));
    throw new InputError(
      'FUNCTION_NOT_FOUND',
      `no bundle of function ${id} in ${options.functions} (${bundleDir('function', id)}/${BUNDLE_FILE})`,
      known.length > 0 ? `functions there: ${known.join(', ')}` : 'run cleave split (or generate) into that folder first, or pass --functions',
    );
  }
  const spec = requestSpec(id, method, urlPath, options);
  const runner = startFunctions({ roots: [outDir], output: (chunk) => io.stderr(chunk.toString()) });
  try {
    const answer = await runner.invoke(id, bundle, apiGatewayEvent(spec, options.payload as PayloadVersion));
    if ('error' in answer) {
      io.stderr(`cleave: invoke: ${id}: ${answer.error}\n${answer.stack ? `${answer.stack}\n` : ''}`);
      return EXIT.findings;
    }
    const response = observeLambda(answer.result);
    const lines = [
      `HTTP ${response.status}`,
      ...(response.contentType ? [`content-type: ${response.contentType}`] : []),
      ...Object.entries(response.headers)
        .filter(([k]) => k !== 'content-type')
        .map(([k, v]) => `${k}: ${v}`),
      ...response.setCookies.map((c) => `set-cookie: ${c}`),
      '',
    ];
    io.stdout(lines.join('\n') + '\n');
    io.stdout(
      isText(response.contentType) ? response.body.toString('utf8') + '\n' : `<${response.body.length} bytes of ${response.contentType || 'binary data'}>\n`,
    );
    return EXIT.ok;
  } finally {
    await runner.close();
  }
}

function requestSpec(id: string, method: string, urlPath: string, options: InvokeCommandOptions): RequestSpec {
  const url = new URL(urlPath.startsWith('/') ? urlPath : `/${urlPath}`, 'http://cleave.invalid');
  const headers: Record<string, string> = {};
  for (const h of options.header ?? []) {
    const at = h.indexOf(':');
    if (at <= 0) throw new InputError('BAD_HEADER', `--header ${h} is not name:value`, 'write it as --header "authorization: Bearer x"');
    headers[h.slice(0, at).trim().toLowerCase()] = h.slice(at + 1).trim();
  }
  if (options.data !== undefined && !headers['content-type'] && parsesAsJson(options.data)) headers['content-type'] = 'application/json';
  return {
    route: `${method.toUpperCase()} ${url.pathname} (${id})`,
    method: method.toUpperCase(),
    path: url.pathname,
    query: [...url.searchParams],
    headers,
    ...(options.data !== undefined ? { body: options.data } : {}),
  };
}

function listFunctions(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, BUNDLE_FILE)))
      .sort();
  } catch {
    return [];
  }
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isText(contentType: string): boolean {
  return contentType === '' || /^text\/|json|xml|javascript|urlencoded/i.test(contentType);
}
