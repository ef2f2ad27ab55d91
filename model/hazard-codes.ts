/**
 * Every code a hazard may carry, with its meaning: the one list the analyzer's detectors emit
 * from, the planner's hazard policy reads and docs/hazards.md documents (test/findings/codes.test.ts
 * holds them to each other). In model/, since the planner reads hazards from the analysis.
 */
export const HAZARD_CODES = {
  MODULE_STATE_SHARED: 'in-process state written at request time',
  MEMORY_SESSION_STORE: 'sessions kept in process memory',
  MEMORY_RATE_LIMIT: 'a rate limiter counting in process memory',
  TIMER_AT_BOOT: 'a timer started at boot',
  CRON_JOB: 'a cron job started at boot',
  LOCAL_DISK_WRITE: 'files written to local disk',
  WEBSOCKET_SERVER: 'a WebSocket server',
  SERVER_SENT_EVENTS: 'a server-sent event stream',
  LISTEN_CALL: 'the server listens',
  SHUTDOWN_HANDLER: 'work on process signals or exit',
  CONNECTION_AT_MODULE_SCOPE: 'a database or cache connection opened at boot',
  STATIC_ASSETS: 'static files served by the app',
  VIEW_RENDERING: 'server-side views',
  LOCAL_FILE_READ_AT_REQUEST: 'local files read at request time',
  BINARY_OR_LARGE_BODY: 'binary or large request bodies',
  RAW_BODY_WEBHOOK: 'raw request bodies kept for signature checks',
  SELF_HTTP_CALL: 'HTTP calls to the app itself',
  DYNAMIC_CODE: 'code evaluated at run time',
  DYNAMIC_REQUIRE: 'modules loaded by a computed specifier',
  EVENT_EMITTER_STATE: 'an in-process event emitter or registry',
  SECRET_FALLBACK: 'a secret with a committed fallback',
} as const;

/** A code of a hazard. */
export type HazardCode = keyof typeof HAZARD_CODES;
