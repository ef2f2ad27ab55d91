import { Node } from 'ts-morph';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { valueAnchor } from '../support/instances';
import { callsIn, newsIn, propertyValue, shortText, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

/**
 * MEMORY_RATE_LIMIT: rate limiters counting in process memory: express-rate-limit and
 * express-slow-down without a `store`, rate-limiter-flexible's `RateLimiterMemory`, express-brute's
 * `MemoryStore`. Each function instance counts on its own, so the effective limit multiplies
 * with the number of instances and resets on every cold start.
 */
export const detectMemoryRateLimits: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const node of [...callsIn(sf), ...newsIn(sf)]) {
      const callee = node.getExpression();
      const options = unwrap(node.getArguments()[0] ?? node);
      const limiter =
        isFrom(callee, ['express-rate-limit', 'express-slow-down']) ||
        isFrom(callee, 'express-rate-limit', 'rateLimit') ||
        isFrom(callee, 'express-slow-down', 'slowDown');
      const memory =
        (limiter && !propertyValue(options, 'store')) ||
        (Node.isNewExpression(node) && (isFrom(callee, 'rate-limiter-flexible', 'RateLimiterMemory') || isFrom(callee, 'express-brute', 'MemoryStore')));
      if (!memory) continue;
      const anchor = valueAnchor(node);
      sites.push({
        code: 'MEMORY_RATE_LIMIT',
        severity: 'warning',
        node,
        message: `\`${shortText(node, 50)}\` counts requests in process memory; each function instance counts on its own, so the effective limit multiplies with the number of instances and resets on every cold start`,
        advice:
          'use a shared store (rate-limit-redis, a DynamoDB store) or rate-limit in front of the functions: API Gateway throttling and usage plans, or AWS WAF rate-based rules',
        anchor: Node.isSourceFile(anchor) ? node : anchor,
        chain: [node],
      });
    }
  }
  return sites;
};
