/** A file a generator produces; only `cli/` writes it, under the output folder. */
export interface GeneratedFile {
  /** Path relative to the output folder, with '/'. */
  path: string;
  /** The whole text of the file. */
  contents: string;
}
