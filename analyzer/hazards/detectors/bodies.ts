import { type CallExpression, Node } from 'ts-morph';
import { isResponse } from '../support/express';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { multerUses, valueAnchor } from '../support/instances';
import { byteSize, calleeName, callsIn, newsIn, propertyValue, receiverOf, shortText, stringValue, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const LAMBDA_PAYLOAD = 6 * 1024 * 1024;
const MULTIPART = ['busboy', 'connect-busboy', 'formidable', 'express-formidable', 'multiparty', 'connect-multiparty', 'express-fileupload'];
const BINARY_ADVICE =
  'move large and binary transfers to S3 with presigned URLs (the client uploads or downloads directly); for what stays, set API Gateway binary media types (multipart/form-data, image/*, application/octet-stream) and keep bodies under 6 MB';
const RAW_ADVICE =
  'make sure the exact request bytes reach the handler: set binary media types or rely on the adapter (serverless-express / serverless-http rebuild a Buffer from `isBase64Encoded` bodies), keep the raw parser before express.json() on this route, and test signature verification after deploying';

/**
 * BINARY_OR_LARGE_BODY: multipart uploads (multer, busboy, formidable, ...), raw binary
 * parsers, body-parser limits above 6 MB, responses piped or downloaded. API Gateway caps
 * payloads at 10 MB, a synchronous Lambda invocation at 6 MB, and binary bodies are base64.
 * RAW_BODY_WEBHOOK: raw bodies kept for signature checks (`express.raw({ type: 'application/json' })`
 * on webhook routes, `verify` callbacks, `stripe.webhooks.constructEvent`).
 */
export const detectBodies: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  // middleware factories (parsers, multer) are attributed through the chains that hold them
  const add = (code: 'BINARY_OR_LARGE_BODY' | 'RAW_BODY_WEBHOOK', node: Node, message: string, chain: Node[] = [node]): void => {
    const anchor = valueAnchor(node);
    sites.push({
      code,
      severity: 'warning',
      node,
      message,
      advice: code === 'RAW_BODY_WEBHOOK' ? RAW_ADVICE : BINARY_ADVICE,
      anchor: Node.isSourceFile(anchor) ? node : anchor,
      chain,
    });
  };
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const callee = call.getExpression();
      const name = calleeName(call);
      const text = `\`${shortText(call, 50)}\``;
      if (isFrom(callee, 'multer')) {
        add(
          'BINARY_OR_LARGE_BODY',
          call,
          `multer ${text} parses multipart uploads; API Gateway caps request bodies at 10 MB and a synchronous Lambda invocation at 6 MB, and binary bodies arrive base64-encoded unless binary media types are set`,
          [call, ...multerUses(ctx, call)],
        );
      } else if (isFrom(callee, MULTIPART)) {
        add(
          'BINARY_OR_LARGE_BODY',
          call,
          `${text} parses multipart uploads; API Gateway caps request bodies at 10 MB and Lambda at 6 MB, and binary bodies arrive base64-encoded`,
        );
      } else if ((name === 'constructEvent' || name === 'constructEventAsync') && /webhooks$/.test(receiverOf(call)?.getText() ?? '')) {
        add('RAW_BODY_WEBHOOK', call, `${text} verifies a webhook signature over the raw request body, which must reach the function byte for byte`);
      } else if (name === 'pipe' && isResponse(call.getArguments()[0])) {
        add('BINARY_OR_LARGE_BODY', call, `${text} streams the response; API Gateway buffers it and a response over 6 MB fails`);
      } else if (name === 'download' && isResponse(receiverOf(call))) {
        add('BINARY_OR_LARGE_BODY', call, `${text} sends a file download; responses over 6 MB fail in Lambda and binary files need binary media types`);
      } else {
        parserSites(call, add);
      }
    }
    for (const created of newsIn(sf)) {
      if (isFrom(created.getExpression(), ['formidable', 'multiparty'], 'IncomingForm', 'Form')) {
        add(
          'BINARY_OR_LARGE_BODY',
          created,
          `\`${shortText(created, 50)}\` parses multipart uploads; API Gateway caps request bodies at 10 MB and Lambda at 6 MB`,
        );
      }
    }
  }
  return sites;
};

type Add = (code: 'BINARY_OR_LARGE_BODY' | 'RAW_BODY_WEBHOOK', node: Node, message: string) => void;

/** Body parsers: raw bodies, `verify` callbacks, limits above the Lambda payload. */
function parserSites(call: CallExpression, add: Add): void {
  const callee = call.getExpression();
  const parser = ['json', 'urlencoded', 'raw', 'text'].find((p) => isFrom(callee, ['express', 'body-parser'], p));
  if (!parser) return;
  const text = `\`${shortText(call, 50)}\``;
  const options = unwrap(call.getArguments()[0] ?? call);
  const limitNode = propertyValue(options, 'limit');
  const limit = byteSize(limitNode);
  const large =
    limitNode && limit !== undefined && limit > LAMBDA_PAYLOAD
      ? ` up to ${stringValue(limitNode) ?? `${limit} bytes`}, above the 6 MB a synchronous Lambda invocation accepts (API Gateway: 10 MB)`
      : undefined;
  const type = propertyValue(options, 'type')?.getText() ?? '';
  if (parser === 'raw' && !(/json|\*\/\*/.test(type) || inWebhookContext(call))) {
    add(
      'BINARY_OR_LARGE_BODY',
      call,
      `${text} reads binary request bodies${large ?? ''}; API Gateway delivers them base64-encoded unless binary media types are set`,
    );
    return;
  }
  if (parser === 'raw')
    add('RAW_BODY_WEBHOOK', call, `${text} keeps the raw request body, typically to verify a webhook signature; it must reach the function byte for byte`);
  else if (propertyValue(options, 'verify'))
    add(
      'RAW_BODY_WEBHOOK',
      call,
      `${text} has a \`verify\` callback that keeps the raw request body (signature checks); it must reach the function byte for byte`,
    );
  if (large) add('BINARY_OR_LARGE_BODY', call, `${text} accepts bodies${large}`);
}

/** Whether a parser is registered on a webhook-looking path or lives in a webhook file. */
function inWebhookContext(call: CallExpression): boolean {
  const hook = /hook|stripe|github|slack|twilio|paypal|shopify|signature/i;
  if (hook.test(call.getSourceFile().getBaseName())) return true;
  for (let n: Node | undefined = call.getParent(); n && !Node.isSourceFile(n); n = n.getParent()) {
    if (Node.isCallExpression(n) && hook.test(stringValue(n.getArguments()[0]) ?? '')) return true;
  }
  return false;
}
