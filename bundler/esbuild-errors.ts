/** One error esbuild reports, with where it is when it knows. */
export interface EsbuildError {
  /** The message (`Could not resolve "x"`). */
  text: string;
  /** The file (relative to the build's working folder) and 1-based line. */
  location?: { file: string; line: number } | null;
}

/** The errors a failed esbuild build threw (none for any other exception). */
export function esbuildErrors(error: unknown): EsbuildError[] {
  return (error as { errors?: EsbuildError[] }).errors ?? [];
}
