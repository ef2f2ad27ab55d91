/**
 * Child process of test/generators/invoke-handlers.test.ts (run with `node -r tsx/cjs`, so the
 * monolith's timers, sockets and module state never touch jest): serves the monolith's root app
 * on a loopback port, loads each bundled function, and asks both every GET route of the
 * function — the function through an API Gateway HTTP API (payload 2.0) event. Writes the
 * exchanges as JSON to <bundle-root>/exchanges.json (the monolith may log on stdout).
 *
 * Usage: invoke-functions-process.ts <plan.yaml> <app-dir> <bundle-root> <params.json>
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { readPlanSync } from '../../cli/plan-loader';
import type { RouterRef } from '../../model/analysis';

/** One request asked of the monolith and of the function. */
export interface Exchange {
  function: string;
  route: string;
  path: string;
  monolith: number;
  lambda: number;
  lambdaBody: string;
}

/** API Gateway HTTP API (payload 2.0) event for a GET request. */
export function httpApiEvent(method: string, rawPath: string, rawQueryString = ''): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      accept: 'application/json',
      'user-agent': 'cleave-test',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.7',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'cleave-test' },
      requestId: 'cleave-test',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
    },
    isBase64Encoded: false,
  };
}

/** A concrete request path for an Express route path, with sample values for its params. */
export function concretePath(expressPath: string, values: Record<string, string>): string {
  if (values[expressPath]) return values[expressPath]!;
  return expressPath
    .replace(/\{([^{}]*)\}/g, '$1')
    .replace(/:([A-Za-z_$][\w$]*)(\([^)]*\))?\??/g, (_m, name: string) => values[name] ?? '1')
    .replace(/\*([A-Za-z_$][\w$]*)?/g, (_m, name: string | undefined) => (name && values[name]) || 'x');
}

function rootApp(ref: RouterRef, appDir: string): unknown {
  const mod = require(path.join(appDir, ref.file)) as Record<string, unknown>;
  const via = ref.export ?? ref.factory!;
  const [head, ...members] = via.split('.');
  let value: unknown = head === '*' ? mod : mod[head!];
  for (const m of members) value = (value as Record<string, unknown>)[m];
  return ref.export ? value : (value as () => unknown)();
}

async function main(): Promise<void> {
  const [planFile, appDir, bundleRoot, paramsFile] = process.argv.slice(2) as [string, string, string, string];
  const { plan } = readPlanSync(planFile);
  const values = JSON.parse(fs.readFileSync(paramsFile, 'utf8')) as Record<string, string>;
  process.env.LOG_REQUESTS = 'false';
  const root = Object.values(plan.routes).find((r) => r.stack?.[0])!.stack![0]!;
  const app = rootApp(root, appDir) as import('node:http').RequestListener;
  const server = require('node:http').createServer(app) as import('node:http').Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const exchanges: Exchange[] = [];
  for (const fn of plan.functions) {
    const bundle = require(path.join(bundleRoot, 'dist', 'functions', fn.id, 'handler.js')) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body?: string }>;
    };
    for (const id of fn.routes.filter((r) => plan.routes[r]?.method === 'GET')) {
      const route = plan.routes[id]!;
      const concrete = concretePath(route.path, values);
      const monolith = await fetch(base + concrete, { headers: { accept: 'application/json' }, redirect: 'manual' });
      await monolith.arrayBuffer();
      const result = await bundle.handler(httpApiEvent('GET', concrete), {
        awsRequestId: 'cleave-test',
        functionName: fn.id,
        getRemainingTimeInMillis: () => 30_000,
      });
      exchanges.push({
        function: fn.id,
        route: id,
        path: concrete,
        monolith: monolith.status,
        lambda: result.statusCode,
        lambdaBody: String(result.body ?? '').slice(0, 200),
      });
    }
  }
  server.close();
  fs.writeFileSync(path.join(bundleRoot, 'exchanges.json'), JSON.stringify(exchanges));
  process.exit(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
