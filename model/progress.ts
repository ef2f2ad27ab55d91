/** A progress event of a pipeline stage; the CLI renders it on stderr. */
export interface ProgressEvent {
  /** Stage name (`load`, `routes`, `closure`, `plan`, `generate`). */
  stage: string;
  /** One short line. */
  message: string;
}

/** Receives progress events. Stages never print; they report here. */
export type ProgressListener = (event: ProgressEvent) => void;
