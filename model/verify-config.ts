import { z } from 'zod';

/** One request verify sends for a route, beyond the default GET. */
export const VerifyRequest = z.strictObject({
  /** Route id (`POST /api/users`). */
  route: z.string().describe('Route id (`POST /api/users`).'),
  /** The concrete request path (`/isbn/9780000000101`), for a route whose path is a regular expression; instead of filling the route's path. */
  path: z.string().startsWith('/').optional().describe('The concrete request path (`/isbn/9780000000101`) for a route whose path is a regular expression.'),
  /** Path parameter values for this request (override `verify.params`). */
  params: z.record(z.string(), z.string()).optional().describe('Path parameter values for this request (override `verify.params`).'),
  /** Query parameters; a list repeats the parameter (`tag: [a, b]` is `?tag=a&tag=b`). */
  query: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .optional()
    .describe('Query parameters; a list repeats the parameter (`tag: [a, b]` is `?tag=a&tag=b`).'),
  /** Extra headers (lower-case names). */
  headers: z.record(z.string(), z.string()).optional().describe('Extra headers (lower-case names).'),
  /** JSON body (sent with `content-type: application/json`), or a string sent as is. */
  body: z.unknown().optional().describe('JSON body (sent with `content-type: application/json`), or a string sent as is.'),
  /** What the comparison of this request's answers leaves out, beyond `verify.ignore`. */
  ignore: z
    .strictObject({
      /** JSON body paths whose values differ by nature in this answer (a generated `id`). */
      bodyPaths: z.array(z.string()).default([]).describe('JSON body paths whose values differ by nature in this answer (a generated `id`).'),
    })
    .optional()
    .describe("What the comparison of this request's answers leaves out, beyond `verify.ignore`."),
});
/** One request verify sends for a route. */
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** The `verify` section of cleave.config.yaml: how `cleave verify` exercises the routes. */
export const VerifyConfig = z.strictObject({
  /**
   * Sample values of path parameters by name (`productId: prd_001`).
   * @default {} (every parameter is `1`)
   */
  params: z.record(z.string(), z.string()).default({}).describe('Sample values of path parameters by name (`productId: prd_001`); every other parameter is `1`.'),
  /** Headers sent with every request (`authorization: Bearer ...`). @default {} */
  headers: z.record(z.string(), z.string()).default({}).describe('Headers sent with every request (`authorization: Bearer ...`).'),
  /** Requests for routes that need a body, a query or other methods than GET. @default [] */
  requests: z.array(VerifyRequest).default([]).describe('Requests for routes that need a body, a query or other methods than GET.'),
  /**
   * Routes verify does not exercise (streams, side effects on other systems): a route id, or
   * `{ route, reason }` so the reason appears in verification.json and the report. @default []
   */
  skip: z
    .array(z.union([z.string(), z.strictObject({ route: z.string().describe('Route id.'), reason: z.string().min(1).describe('Why verify leaves it out.') })]))
    .default([])
    .describe('Routes verify does not exercise: a route id, or `{ route, reason }` so the reason appears in verification.json and the report.'),
  /** What the comparison leaves out. */
  ignore: z
    .strictObject({
      /** JSON body paths whose values differ by nature (`requestId`, `items.*.createdAt`). @default [] */
      bodyPaths: z.array(z.string()).default([]).describe('JSON body paths whose values differ by nature (`requestId`, `items.*.createdAt`).'),
    })
    .default({ bodyPaths: [] })
    .describe('What the comparison leaves out.'),
});
/** The `verify` section of cleave.config.yaml. */
export type VerifyConfig = z.infer<typeof VerifyConfig>;
