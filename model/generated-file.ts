/** A file to write: generated text, or bytes (a bundle's copy of an app asset). */
export interface OutputFile {
  /** Path relative to the output folder, with '/'. */
  path: string;
  /** Text or bytes. */
  contents: string | Uint8Array;
}

/** A file a generator produces; only `cli/` writes it, under the output folder. */
export interface GeneratedFile {
  /** Path relative to the output folder, with '/'. */
  path: string;
  /** The whole text of the file. */
  contents: string;
}
