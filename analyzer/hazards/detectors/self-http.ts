import { type CallExpression, Node } from 'ts-morph';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { findDeclaration } from '../support/scopes';
import { anchorOf, calleeName, callsIn, propertyValue, shortText, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const METHODS = ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch'];
const CLIENTS = ['axios', 'got', 'node-fetch', 'cross-fetch', 'undici', 'superagent', 'request', 'request-promise', 'needle', 'ky'];
const LOOPBACK = /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]/;
const OWN_HOST = /req(uest)?\s*\.\s*(get\(\s*['"]host['"]\s*\)|headers\s*(\.\s*host|\[\s*['"]host['"]\s*\])|hostname)/;
const OWN_URL = /\b(self|own|internal|loopback|base|app|server|public)_?(base_?)?ur[li]\b/i;

/**
 * SELF_HTTP_CALL: HTTP requests from the app to itself: to localhost, to the request's own
 * host, or to a configured own base URL (`BASE_URL`, `APP_URL`, `selfUrl`), including
 * `axios.create({ baseURL })` instances. After the split
 * the target route may live in another function or stay in the monolith.
 */
export const detectSelfHttpCalls: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const target = httpTarget(call);
      if (!target || !isSelf(target)) continue;
      sites.push({
        code: 'SELF_HTTP_CALL',
        severity: 'warning',
        node: call,
        message: `\`${shortText(call, 60)}\` calls the app's own HTTP API; after the split the target route may be another function or still the monolith, and localhost is not the app any more`,
        advice:
          "call the shared service code directly instead of going over HTTP, or call the deployed API through a configured base URL (an env var pointing at API Gateway); mind the added latency, double billing and the caller's timeout",
        anchor: anchorOf(call),
        chain: [call],
      });
    }
  }
  return sites;
};

/** The URL (or options) expression of an HTTP client call, or undefined when the call is not one. */
function httpTarget(call: CallExpression): Node | undefined {
  const callee = unwrap(call.getExpression());
  const first = call.getArguments()[0];
  if (!first) return undefined;
  const isFetch = Node.isIdentifier(callee) && callee.getText() === 'fetch' && !findDeclaration(callee);
  const isClient =
    isFetch || METHODS.some((m) => (m === '' ? isFrom(callee, CLIENTS) : isFrom(callee, CLIENTS, m))) || isFrom(callee, ['http', 'https'], 'get', 'request');
  if (isClient) return first;
  if (calleeName(call) === 'create' && isFrom(callee, 'axios', 'create')) return propertyValue(unwrap(first), 'baseURL');
  return undefined;
}

function isSelf(target: Node): boolean {
  const n = unwrap(target);
  const text = Node.isObjectLiteralExpression(n)
    ? [propertyValue(n, 'url'), propertyValue(n, 'host'), propertyValue(n, 'hostname'), propertyValue(n, 'baseURL')].map((v) => v?.getText() ?? '').join(' ')
    : n.getText();
  return LOOPBACK.test(text) || OWN_HOST.test(text) || OWN_URL.test(text);
}
