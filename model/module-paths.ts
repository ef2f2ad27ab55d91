/**
 * Extensions of the code files cleave reads, in the order a specifier that leaves its extension
 * out is tried: TypeScript sources before JavaScript, as TypeScript resolves them.
 */
export const CODE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];

/** Whether a file name ends in one of `CODE_EXTENSIONS`. */
export function isCodeFile(name: string): boolean {
  return CODE_EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts');
}

/**
 * The files a relative specifier resolved to `base` (`./routes/users` from its folder) may name,
 * in the order tried, the one order of every resolver of cleave: as written, with each code
 * extension (then `.json` when `json`), a `.js` specifier's TypeScript source (`./users.js` for
 * `users.ts`), the folder's index file. `join` joins a folder and a name (with '/' for
 * app-relative paths, `path.join` for absolute ones). Pure.
 */
export function moduleCandidates(base: string, join: (dir: string, name: string) => string, json = false): string[] {
  const extensions = json ? [...CODE_EXTENSIONS, '.json'] : CODE_EXTENSIONS;
  const js = /\.([cm]?)js$/.exec(base);
  const stem = js ? base.slice(0, -js[0].length) : base;
  const sources = !js ? [] : js[1] ? [`${stem}.${js[1]}ts`] : [`${stem}.ts`, `${stem}.tsx`];
  return [base, ...extensions.map((e) => `${base}${e}`), ...sources, ...extensions.map((e) => join(base, `index${e}`))];
}
