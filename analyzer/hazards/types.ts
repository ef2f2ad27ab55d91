import type { Node, SourceFile } from 'ts-morph';
import type { Route, Severity } from '../../model/analysis';
import type { HazardCode } from '../../model/hazard-codes';

/** One hazard found in the source, before it is located and attributed to routes. */
export interface HazardSite {
  /** Stable UPPER_SNAKE code, one of `HAZARD_CODES`. */
  code: HazardCode;
  /** `error`: cannot run in a function at all; `warning`: breaks or misbehaves; `info`: needs a decision. */
  severity: Severity;
  /** Where the hazard is reported (file, line and column come from its start). */
  node: Node;
  /** What was found, in one sentence. */
  message: string;
  /** What to do about it on a serverless target. */
  advice: string;
  /**
   * The declaration whose users are affected: the module-level variable for state, the
   * enclosing function for a site inside a handler or service, the source file for
   * module-scope side effects. Routes are attributed with `HazardContext.routesUsing(anchor)`.
   */
  anchor: Node;
  /**
   * Nodes inside (or being) route handlers or middleware: a route whose handler or middleware
   * chain holds one of them, or a function enclosing one, is affected too. This attributes
   * routes without the closure stage (`cache.get` in a handler, `upload.single('x')` in a chain).
   */
  chain?: Node[];
  /** The boot-time call that starts it, when that is not the hazard's own statement (`startCartExpiryJob()` in server.ts). */
  startedAt?: Node;
}

/** What detectors read: the parsed app and a way to ask which routes reach a declaration. */
export interface HazardContext {
  /** Absolute app dir. */
  appDir: string;
  /** Every parsed source file by absolute path. */
  files: Map<string, SourceFile>;
  /**
   * Ids of the routes whose dependency closure contains `anchor` (a declaration, or for a
   * SourceFile, the file). Provided by the closure stage.
   */
  routesUsing(anchor: Node): string[];
  /** The `listen` calls the route evaluator reached on an app or an HTTP server (`ExpressModel.listens`). */
  listenCalls?: ReadonlySet<Node>;
  /** The routes found so far; their handler and middleware sites attribute `HazardSite.chain`. */
  routes?: readonly Route[];
  /** Resolves an import specifier to an absolute source path: the analysis' one module resolver (tsconfig paths, module-alias, NODE_PATH included); undefined for packages and unknown files. */
  resolveImport(specifier: string, fromFile: string): string | undefined;
  /**
   * Receives an unexpected error of one detector (the others still run), or of one file that
   * cannot be scanned (`file` set; the file is skipped). Without it the error is thrown.
   */
  onError?(error: unknown, detector: string, file?: string): void;
}

/** A detector: pure, syntactic, one concern. */
export type Detector = (ctx: HazardContext) => HazardSite[];
