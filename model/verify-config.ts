import { z } from 'zod';

/** One request verify sends for a route, beyond the default GET. */
export const VerifyRequest = z.strictObject({
  /** Route id (`POST /api/users`). */
  route: z.string(),
  /** Path parameter values for this request (override `verify.params`). */
  params: z.record(z.string(), z.string()).optional(),
  /** Query parameters. */
  query: z.record(z.string(), z.string()).optional(),
  /** Extra headers (lower-case names). */
  headers: z.record(z.string(), z.string()).optional(),
  /** JSON body (sent with `content-type: application/json`), or a string sent as is. */
  body: z.unknown().optional(),
});
/** One request verify sends for a route. */
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** The `verify` section of cleave.config.yaml: how `cleave verify` exercises the routes. */
export const VerifyConfig = z.strictObject({
  /**
   * Sample values of path parameters by name (`productId: prd_001`).
   * @default {} (every parameter is `1`)
   */
  params: z.record(z.string(), z.string()).default({}),
  /** Headers sent with every request (`authorization: Bearer ...`). @default {} */
  headers: z.record(z.string(), z.string()).default({}),
  /** Requests for routes that need a body, a query or other methods than GET. @default [] */
  requests: z.array(VerifyRequest).default([]),
  /** Route ids verify does not exercise (streams, routes with side effects on other systems). @default [] */
  skip: z.array(z.string()).default([]),
  /** What the comparison leaves out. */
  ignore: z
    .strictObject({
      /** JSON body paths whose values differ by nature (`requestId`, `items.*.createdAt`). @default [] */
      bodyPaths: z.array(z.string()).default([]),
    })
    .default({ bodyPaths: [] }),
});
/** The `verify` section of cleave.config.yaml. */
export type VerifyConfig = z.infer<typeof VerifyConfig>;
