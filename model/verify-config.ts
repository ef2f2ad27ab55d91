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

/** One shell command or a list of them, run in order. */
const Commands = z.union([z.string().min(1), z.array(z.string().min(1))]).default([]);

/** Names of the built-in volatile value patterns of `verify.ignore.values`. */
export const BUILTIN_PATTERN_NAMES = ['iso-timestamp', 'uuid', 'object-id', 'epoch-ms'] as const;

/** A volatile value pattern of your own. */
export const ValuePattern = z.strictObject({
  /** Name shown in the report (`order-number`). */
  name: z.string().min(1).describe('Name shown in the report (`order-number`).'),
  /** JavaScript regular expression source (`ORD-[0-9]{6}`), matched anywhere in a value. */
  regex: z
    .string()
    .min(1)
    .refine((source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression')
    .describe('JavaScript regular expression source (`ORD-[0-9]{6}`), matched anywhere in a value.'),
});
/** A volatile value pattern of your own. */
export type ValuePattern = z.infer<typeof ValuePattern>;

/** The `verify` section of cleave.config.yaml: how `cleave verify` exercises the routes. */
export const VerifyConfig = z.strictObject({
  /**
   * Sample values of path parameters by name (`productId: prd_001`).
   * @default {} (every parameter is `1`)
   */
  params: z
    .record(z.string(), z.string())
    .default({})
    .describe('Sample values of path parameters by name (`productId: prd_001`); every other parameter is `1`.'),
  /** Headers sent with every request (`authorization: Bearer ...`). @default {} */
  headers: z.record(z.string(), z.string()).default({}).describe('Headers sent with every request (`authorization: Bearer ...`).'),
  /**
   * Keep the cookies each side is given (a login's session cookie) and send them with that side's
   * later requests, as a browser does: one jar for the monolith, one shared by all the functions.
   * The functions then answer a logged-in user alike only where they share the session store
   * (a database, Redis), as after deployment. @default false (every request as written)
   */
  cookies: z
    .boolean()
    .default(false)
    .describe(
      "Keep the cookies each side is given (a login's session cookie) and send them with that side's later requests, as a browser does: one jar for the monolith, one shared by all the functions.",
    ),
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
  /**
   * Shell command(s) run once before anything else, with the app folder as working directory
   * (create the database, load a snapshot, start a container); a command that fails stops verify
   * with exit 2. @default [] (none)
   */
  setup: Commands.describe(
    'Shell command(s) run once before the monolith starts, in the app folder (create the database, load a snapshot); one that fails stops verify (exit 2).',
  ),
  /**
   * Shell command(s) run between the monolith's turn and the functions' turn, in the app folder,
   * once the monolith has stopped (restore the snapshot, truncate tables, flush Redis), so the
   * functions start from the state the monolith started from. Needs `mode: sides` (the default
   * when `reset` is set). @default [] (none)
   */
  reset: Commands.describe(
    "Shell command(s) run between the monolith's turn and the functions' turn, in the app folder, after the monolith stopped (restore the snapshot, truncate tables); needs `mode: sides`, the default when `reset` is set.",
  ),
  /**
   * How the requests go out. `interleaved`: each request to the monolith, then at once to the
   * function (both sides keep their own in-memory state, but share any database: a write happens
   * twice). `sides`: the whole sequence to the monolith, then `reset`, then the whole sequence to
   * the functions, compared response by response: the mode for apps with a database.
   * @default `sides` when `reset` is set, else `interleaved`
   */
  mode: z
    .enum(['interleaved', 'sides'])
    .optional()
    .describe(
      '`interleaved`: each request to the monolith, then to the function. `sides`: the whole sequence to the monolith, then `reset`, then to the functions, compared response by response (for apps with a database). Default: `sides` when `reset` is set, else `interleaved`.',
    ),
  /** What the comparison leaves out. */
  ignore: z
    .strictObject({
      /** JSON body paths whose values differ by nature (`requestId`, `items.*.createdAt`). @default [] */
      bodyPaths: z.array(z.string()).default([]).describe('JSON body paths whose values differ by nature (`requestId`, `items.*.createdAt`).'),
      /**
       * Volatile values compared by shape, wherever they stand (any JSON string or number, a text
       * body, a compared header): each match counts as the same value on both sides. A built-in
       * name ({@link BUILTIN_VALUE_PATTERNS}) or `{ name, regex }`. @default []
       */
      values: z
        .array(z.union([z.enum(BUILTIN_PATTERN_NAMES), ValuePattern]))
        .default([])
        .describe(
          'Volatile values compared by shape wherever they stand (JSON strings and numbers, text bodies, compared headers): `iso-timestamp`, `uuid`, `object-id`, `epoch-ms`, or `{ name, regex }`.',
        ),
      /** Compared headers left out (`location`, `cache-control`); ETag, Date and request ids are never compared. @default [] */
      headers: z
        .array(z.string())
        .default([])
        .describe('Compared headers left out (`location`, `cache-control`); ETag, Date and request ids are never compared.'),
    })
    .default({ bodyPaths: [], values: [], headers: [] })
    .describe('What the comparison leaves out; verification.json and the report list every field a rule left out that differed.'),
});
/** The `verify` section of cleave.config.yaml. */
export type VerifyConfig = z.infer<typeof VerifyConfig>;
