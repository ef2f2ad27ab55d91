/** Longest function id. */
const MAX_ID = 48;

/** Path segments that carry no resource name: api prefixes, versions, parameters, wildcards. */
function meaningfulSegments(path: string): string[] {
  if (path.startsWith('regex:')) return [];
  return path
    .split('/')
    .filter((s) => s && !/^(api|rest|v\d+(\.\d+)*)$/i.test(s) && !/^[:*{(]/.test(s) && !s.includes('{?}'))
    .map((s) => s.replace(/[:*{(].*$/, ''))
    .filter(Boolean);
}

/** Turns any text into a function id fragment: lower case, dashes, starting with a letter. */
export function toId(text: string): string {
  const id = asciiFolded(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const lettered = /^[a-z]/.test(id) ? id : `fn-${id}`;
  return lettered.slice(0, MAX_ID).replace(/-+$/, '') || 'fn';
}

/**
 * Text with accents dropped (`café` → `cafe`, `ünï` → `uni`), so a name with accented letters
 * keeps them instead of losing them to the dashes.
 */
function asciiFolded(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * A readable id for a group of routes: the resource path they share after the api/version
 * prefix (`/api/v1/admin/reports/*` → `admin-reports`), else the name of the one module all
 * handlers live in (`app`; `user` for `controllers/user/index.js`), else the resource at least 3/4 of them serve, else, for
 * more than three resources none of which serves a fifth of them, the range they span
 * (`r1-to-r145`), else the two most common plus a third serving at least 1/5 of them
 * (`cart-coupons-orders`); `root` for routes with no resource segment.
 */
export function baseId(paths: readonly string[], handlerFiles: readonly string[] = []): string {
  const lists = paths.map(meaningfulSegments);
  const common: string[] = [];
  for (let i = 0; lists.length > 0 && lists.every((l) => l[i] !== undefined && l[i] === lists[0]![i]); i++) common.push(lists[0]![i]!);
  if (common.length > 0) return toId(common.slice(0, 3).join('-'));
  const counts = new Map<string, number>();
  for (const l of lists) if (l[0]) counts.set(l[0], (counts.get(l[0]) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const files = [...new Set(handlerFiles)];
  if (files.length === 1 && (ranked.length !== 1 || ranked[0]![1] < lists.length)) return toId(moduleName(files[0]!));
  if (ranked.length === 0) return 'root';
  if (ranked[0]![1] * 4 >= lists.length * 3 || ranked.length === 1) return toId(ranked[0]![0]);
  // Many resources, none with a fifth of the routes (path neighbours merged under maxFunctions): the range they span.
  if (ranked.length > 3 && ranked[0]![1] * 5 < lists.length) {
    const inOrder = [...counts.keys()].sort((a, b) => a.localeCompare(b));
    return toId(`${inOrder[0]}-to-${inOrder[inOrder.length - 1]}`);
  }
  const major = ranked.filter(([, n], i) => i < 2 || n * 5 >= lists.length).slice(0, 3);
  return toId(major.map(([s]) => s).join('-'));
}

/** The words (in the first path's order) that the segment after the paths' shared resource path holds in every path; '' when there are none. */
function sharedWords(paths: readonly string[]): string {
  const lists = paths.map(meaningfulSegments);
  let depth = 0;
  while (lists.length > 0 && lists.every((l) => l[depth] !== undefined && l[depth] === lists[0]![depth])) depth++;
  const next = lists.map((l) => l[depth]);
  if (next.length === 0 || next.some((n) => n === undefined)) return '';
  const wordsOf = (segment: string) => toId(segment).split('-').filter(Boolean);
  const others = next.slice(1).map((n) => new Set(wordsOf(n!)));
  return [...new Set(wordsOf(next[0]!))].filter((w) => others.every((o) => o.has(w))).join('-');
}

/** A module's name: its file name without extension, or its folder's for an `index` file (`controllers/user/index.js` → `user`). */
function moduleName(file: string): string {
  const parts = file.split('/');
  const base = parts.pop()!.replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' && parts.length > 0 ? parts.pop()! : base;
}

/** A group of routes to name. */
export interface NamingGroup {
  /** Route ids, sorted. */
  routes: readonly string[];
  /** Full paths of the routes. */
  paths: readonly string[];
  /** Methods of the routes. */
  methods: readonly string[];
  /** Handler files of the routes. */
  handlerFiles?: readonly string[];
}

/**
 * Ids for groups, unique and deterministic: bigger groups choose first (ties by first route
 * id); a taken id gets the words the routes' next path segments all hold (`auth-reset-password`
 * for `/auth/reset-password` and `/auth/send-password-reset`), else the method (`get-products`)
 * when the group has one method, then `-2`, `-3`.
 * `taken` holds ids already in use (kept from a previous plan or set by config).
 */
export function assignIds(groups: readonly NamingGroup[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  const order = groups
    .map((g, i) => i)
    .sort((a, b) => groups[b]!.routes.length - groups[a]!.routes.length || groups[a]!.routes[0]!.localeCompare(groups[b]!.routes[0]!));
  const ids: string[] = new Array(groups.length);
  for (const i of order) {
    const g = groups[i]!;
    const base = baseId(g.paths, g.handlerFiles);
    const methods = [...new Set(g.methods)];
    const words = sharedWords(g.paths);
    const candidates = [base, ...(words ? [toId(`${base}-${words}`)] : []), ...(methods.length === 1 ? [toId(`${methods[0]}-${base}`)] : [])];
    let id = candidates.find((c) => !used.has(c));
    for (let n = 2; !id; n++) {
      const c = `${base.slice(0, MAX_ID - String(n).length - 1)}-${n}`;
      if (!used.has(c)) id = c;
    }
    used.add(id);
    ids[i] = id;
  }
  return ids;
}
