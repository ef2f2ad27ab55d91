import type { GeneratedFile } from '../model/generated-file';
import type { Finding, Severity } from '../model/finding';
import type { GeneratorCode } from './codes';

/** Where the generated files go relative to the app: all a generator needs besides the plan. */
export interface GenerateContext {
  /**
   * The app dir as seen from the output folder, with '/' (`..` for `-o functions` inside the app,
   * `../samples/shop-api` for `-o out` beside it). Handlers import the monolith's modules through it.
   */
  appDir: string;
  /**
   * Texts of the monolith's registering modules (see `registeringFiles`), by app-relative path:
   * with them, each handler imports copies of those modules sliced for its function; without
   * them (or for a file missing here), the monolith's own modules.
   */
  sources?: ReadonlyMap<string, string>;
  /**
   * Texts of the files registering passport strategies (`plan.authStrategies`) and of the files
   * the functions' routes reach that name passport's `authenticate` or `authorize`, by
   * app-relative path: with them, a function leaves out the strategies none of its routes
   * authenticates with (see `functionSlices`).
   */
  authTexts?: ReadonlyMap<string, string>;
  /**
   * Texts of the app modules only registering modules import (controllers, by the plan's module
   * graph), by app-relative path: with them, a function whose routes use some of a module's
   * exports carries a copy without the others (see `pruneModule`).
   */
  handlerModules?: ReadonlyMap<string, string>;
  /**
   * The app modules that registering modules import and that do something as they load
   * (`passport.serializeUser(...)` in config/passport.ts; see `runsAtLoad`), app-relative: a copy
   * that no longer uses such an import's names still loads the module for its effect.
   */
  loadEffects?: ReadonlySet<string>;
}

/** A finding of a generator (or of the bundling step after it): what it could not reproduce, and what the user can do. */
export interface GeneratorDiagnostic extends Finding<GeneratorCode> {
  /** `error`: a route or schedule is missing from the output; `warning`: it works differently; `info`: worth knowing. */
  severity: Severity;
  /** The generated file it concerns (relative to the output folder). */
  file: string;
  /** The function or schedule id. */
  subject?: string;
  /** The route id, when it concerns one route. */
  route?: string;
}

/** What a generator returns: files to write and its findings. It never touches the disk. */
export interface GeneratorOutput {
  /** Files, paths relative to the output folder. */
  files: GeneratedFile[];
  /** Findings, in a stable order. */
  diagnostics: GeneratorDiagnostic[];
  /**
   * Per function id, the app modules its handler never loads although a computed require of its
   * copies could name them: the turns of a loop over modules that only other functions register
   * get a stand-in (see `loopRequires`). A bundler leaves them out of what such requires may load.
   */
  servedElsewhere?: Record<string, string[]>;
}
