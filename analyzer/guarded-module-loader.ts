import * as path from 'node:path';
import { type InternalErrorListener, reportInternalError } from './internal-errors';
import type { Evaluator } from './routes/evaluator/evaluator';
import { ModuleLoader } from './routes/evaluator/module-loader';
import { type Value, unknown } from './routes/evaluator/values';

/**
 * A module loader that survives an unexpected error in one module: the error becomes an
 * `ANALYSIS_ERROR` at that module, the importer gets whatever the module exported before the
 * failure, and evaluation goes on. Nested loads go through the override too, so the innermost
 * module that was being evaluated is the one named.
 */
export class GuardedModuleLoader extends ModuleLoader {
  /** Where failures are also reported (for `--debug`). */
  onInternalError?: InternalErrorListener;

  override loadFile(ev: Evaluator, file: string): Value {
    try {
      return super.loadFile(ev, file);
    } catch (error) {
      reportInternalError(ev.diagnostics, file, 'evaluating', error, this.onInternalError);
      try {
        // The module record exists once evaluation began: this returns its partial exports.
        return super.loadFile(ev, file);
      } catch {
        return unknown(`exports of ${path.basename(file)} (analysis error)`);
      }
    }
  }
}
