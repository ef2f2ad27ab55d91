import { z } from 'zod';

/** One request `cleave verify` sent to the monolith and to a function, and how they answered. */
export const VerificationResult = z.strictObject({
  /** Function id. */
  function: z.string(),
  /** Route id (`GET /api/users/:id`). */
  route: z.string(),
  /** `METHOD /concrete/path?query`. */
  request: z.string(),
  /** Status the monolith answered. */
  monolithStatus: z.number().int(),
  /** Status the function answered; 0 when it gave no answer (failed to load, threw, timed out). */
  functionStatus: z.number().int(),
  /** Differences (status, content type, Set-Cookie, body); empty when they answered alike. */
  differences: z.array(z.string()),
  /**
   * Fields whose values differed but that `verify.ignore` (or the request's `ignore`) leaves out,
   * each with the rule: `$.createdAt (iso-timestamp)`, `$.requestId (bodyPaths)`,
   * `location header (headers)`; absent when none.
   */
  ignored: z.array(z.string()).optional(),
});
/** One request verify sent, and how both sides answered. */
export type VerificationResult = z.infer<typeof VerificationResult>;

/** A function route verify did not exercise, and why. */
export const SkippedRoute = z.strictObject({
  /** Route id. */
  route: z.string(),
  /** Why. */
  reason: z.string(),
});
/** A function route verify did not exercise. */
export type SkippedRoute = z.infer<typeof SkippedRoute>;

/** How long one function took to load in verify. */
export const FunctionInit = z.strictObject({
  /** Function id. */
  function: z.string(),
  /** Milliseconds its bundle's `require` took in verify's functions process (building the app: its cold-start work), to 0.1 ms; machine-dependent. */
  initMs: z.number().min(0),
});
/** How long one function took to load in verify. */
export type FunctionInit = z.infer<typeof FunctionInit>;

/** Something verify saw that may make its answers prove less than they seem to. */
export const VerificationWarning = z.strictObject({
  /** Stable code (`VERIFY_BOOT_MODULE_MISSING`, `VERIFY_ENTRY_NOT_PLANNED`). */
  code: z.string(),
  /** What it is about: a file, a route. */
  subject: z.string().optional(),
  /** What verify saw. */
  message: z.string(),
  /** What to do about it. */
  advice: z.string(),
});
/** Something verify saw that may make its answers prove less than they seem to. */
export type VerificationWarning = z.infer<typeof VerificationWarning>;

/**
 * What `cleave verify` found (`verification.json` in the output folder); the report shows it in
 * its verification section.
 */
export const VerificationSummary = z.strictObject({
  /** API Gateway payload format the functions were invoked with. */
  payload: z.enum(['v1', 'v2']),
  /** The API stage in the request path, when one was given. */
  stage: z.string().optional(),
  /**
   * How the requests went out: `interleaved` (each to the monolith, then to its function) or
   * `sides` (all to the monolith, then `verify.reset`, then all to the functions). Absent in
   * results written before verify had modes (they were interleaved).
   */
  mode: z.enum(['interleaved', 'sides']).optional(),
  /** The comparison rules of `verify.ignore` in force, when any: body paths, value pattern names, headers. */
  ignore: z
    .strictObject({
      /** `verify.ignore.bodyPaths`. */
      bodyPaths: z.array(z.string()),
      /** Names of the `verify.ignore.values` patterns. */
      values: z.array(z.string()),
      /** `verify.ignore.headers`. */
      headers: z.array(z.string()),
    })
    .optional(),
  /** One entry per request, in sending order. */
  results: z.array(VerificationResult),
  /** Warnings: a module the monolith boots and a function lacks, an entry other than the plan's. */
  warnings: z.array(VerificationWarning).optional(),
  /** Function routes not exercised, with the reason. */
  skipped: z.array(SkippedRoute),
  /** Per function that got a request, in plan order: the time its handler took to load (cold start). */
  inits: z.array(FunctionInit).optional(),
  /** Route ids named in `verify.requests` or `verify.skip` that no function serves (kept routes, typos). */
  unknownRoutes: z.array(z.string()).optional(),
  /** Counts. */
  summary: z.strictObject({
    /** Requests sent. */
    requests: z.number().int().min(0),
    /** Requests both sides answered alike. */
    matched: z.number().int().min(0),
    /** Requests they answered differently. */
    mismatched: z.number().int().min(0),
    /** Of `matched`: both answered alike with a success status (below 400): the function did the route's work. */
    matchedOnSuccess: z.number().int().min(0),
    /**
     * Of `matched`: both answered alike with the same error status (400 or above: 401, 403, 404,
     * 5xx, ...). That they fail alike shows little about the function: a 401 on both sides is an
     * auth wall that no handler code behind it ran.
     */
    matchedOnError: z.number().int().min(0),
    /** `matchedOnError` by status (`{ "401": 33, "404": 2 }`), keys in ascending order. */
    matchedErrorStatuses: z.record(z.string(), z.number().int().min(1)),
    /** Routes in the plan's functions. */
    routes: z.number().int().min(0),
    /** Function routes that got at least one request. */
    exercised: z.number().int().min(0),
    /** Function routes not exercised. */
    skipped: z.number().int().min(0),
  }),
});
/** What `cleave verify` found. */
export type VerificationSummary = z.infer<typeof VerificationSummary>;
