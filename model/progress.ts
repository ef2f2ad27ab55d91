/** A progress event of a pipeline stage; the CLI renders it on stderr. */
export interface ProgressEvent {
  /** Stage name (`load`, `routes`, `closure`, `plan`, `generate`). */
  stage: string;
  /** One short line. */
  message: string;
  /**
   * Items of the stage's current step done so far, with `total`: a count event, drawn as a
   * progress bar on a terminal and not printed elsewhere (a log keeps only the stage lines).
   */
  done?: number;
  /** Items the current step has in all (with `done`). */
  total?: number;
}

/** Receives progress events. Stages never print; they report here. */
export type ProgressListener = (event: ProgressEvent) => void;
