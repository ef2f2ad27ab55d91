import * as path from 'node:path';

/** Folders named beside `__dirname` (`join(__dirname, 'app/models')`, `join(__dirname, '..', 'controllers')`, `__dirname + '/routes'`). */
const FOLDER_LITERAL = /(?:join|resolve)\(\s*__dirname((?:\s*,\s*(?:'[^']*'|"[^"]*"))+)\s*\)|__dirname\s*\+\s*(['"])\/([^'"]+)\2/g;
/** The module's own folder listed: sequelize's `models/index.js` (`readdirSync(__dirname)`, then `require(path.join(__dirname, file))`). */
const OWN_FOLDER = /readdirSync\(\s*__dirname\s*[,)]/;
/** The folder before the first wildcard of a literal glob pattern (`glob.sync('./routes/*.js', { cwd: __dirname })`). */
const GLOB_FOLDER = /\b(?:sync|globSync)\(\s*(['"`])(?:\.\/)?([\w@.-]+(?:\/[\w@.-]+)*)\/[^'"`]*[*?{[][^'"`]*\1/g;

/**
 * The app folders (app-relative, '/') whose modules a computed `require` of app file `file`
 * (text `text`) may load, as the text names them: folders beside `__dirname`, its own folder when
 * it lists it, the folder of a literal glob pattern. The bundler carries those folders' modules;
 * the hazard stage says so. Folders outside the app are left out. Sorted. Pure.
 */
export function computedRequireFolders(file: string, text: string): string[] {
  const dir = path.posix.dirname(file);
  const folders = new Set<string>();
  if (OWN_FOLDER.test(text)) folders.add(dir);
  for (const m of text.matchAll(GLOB_FOLDER)) folders.add(path.posix.normalize(path.posix.join(dir, m[2]!)));
  for (const m of text.matchAll(FOLDER_LITERAL)) {
    const parts = m[1] !== undefined ? [...m[1].matchAll(/'([^']*)'|"([^"]*)"/g)].map((p) => p[1] ?? p[2]!) : [m[3]!];
    folders.add(path.posix.normalize(path.posix.join(dir, ...parts)));
  }
  return [...folders].filter((f) => !f.startsWith('..') && !path.posix.isAbsolute(f)).sort();
}
