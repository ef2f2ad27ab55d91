/**
 * `npm run bench`: cleave's speed, scale and the size of what it generates, on this machine.
 *
 *   (a) `cleave analyze` vs madge alone on the same trees (samples and synthetic monoliths),
 *       alternating fresh processes, medians, as ratios;
 *   (b) a synthetic monolith at 500 and 5,000 routes: time, peak memory and growth of analyze
 *       (and plan / generate once those commands exist);
 *   (c) per sample, esbuild bundle size and cold require of each generated function vs the whole
 *       app as one function (once `cleave split` exists);
 *   (d) `cleave split` end to end at scale: 20,000 routes in one file and 3,000 router files of
 *       one route each (time and peak memory against 60 s and 2 GB);
 *   plus a CPU profile of analyze on the largest synthetic app.
 *
 * Writes bench/results.json and bench/results.md and prints the Markdown.
 * Options: --runs N (5) --large-runs N (3, for apps of 2,000+ routes) --sizes 500,5000
 *          --no-profile --no-bundles --no-split-scale --keep (keep the synthetic apps)
 *          --quick (1 run each, sizes 50,500, split scale 2,000 routes and 300 routers)
 *          --render (only re-render results.md from results.json)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type SampleBundles, measureBundles } from './bundles';
import { REPO, type Sample, type Summary, note, round, runWorker, summarize } from './measure';
import { type ProfileSummary, summarizeProfile } from './profile';
import { type SplitScaleRow, type SplitScaleSizes, measureSplitScale } from './split-scale';
import { type SyntheticApp, generateSynthetic } from './synthetic';

/** Targets of issue 7. */
export const TARGETS = { madgeRatio: 1.5, growth: 12, peakMB: 2048, bundleShare: 0.3, splitMs: 60_000 };

interface Options {
  runs: number;
  largeRuns: number;
  sizes: number[];
  profile: boolean;
  bundles: boolean;
  /** Sizes of (d), or false to skip it. */
  splitScale: SplitScaleSizes | false;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    runs: 5,
    largeRuns: 3,
    sizes: [500, 5000],
    profile: true,
    bundles: true,
    splitScale: { oneFileRoutes: 20_000, routerFiles: 3_000 },
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--runs') options.runs = positive(value(), arg);
    else if (arg === '--large-runs') options.largeRuns = positive(value(), arg);
    else if (arg === '--sizes')
      options.sizes = value()
        .split(',')
        .map((s) => positive(s, arg));
    else if (arg === '--no-profile') options.profile = false;
    else if (arg === '--no-bundles') options.bundles = false;
    else if (arg === '--no-split-scale') options.splitScale = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--quick')
      Object.assign(options, { runs: 1, largeRuns: 1, sizes: [50, 500], splitScale: options.splitScale && { oneFileRoutes: 2_000, routerFiles: 300 } });
    else throw new Error(`unknown option ${arg} (see the header of bench/run.ts)`);
  }
  return options;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive integer, got ${text}`);
  return n;
}

/** A tree both tools analyse. */
interface Tree {
  name: string;
  dir: string;
  tsconfig?: string;
  routes?: number;
  synthetic?: SyntheticApp;
}

/** (a) one row. */
interface CompareRow {
  tree: string;
  sourceFiles: number;
  routesFound: number;
  analyze: Summary;
  madge: Summary & { files: number; edges: number };
  /** analyze / madge, medians of load + run (what each costs in a fresh process besides node's boot). */
  ratio: number;
  /** analyze / madge, medians of the work alone (modules already loaded). */
  runRatio: number;
}

/** (b) one command at one size. */
interface ScaleCell {
  summary?: Summary;
  skipped?: string;
}

interface ScaleRow {
  routes: number;
  sourceFiles: number;
  sourceKB: number;
  analyze: ScaleCell;
  plan: ScaleCell;
  generate: ScaleCell;
}

interface TargetRow {
  target: string;
  goal: string;
  value: string;
  met: boolean | null;
  note: string;
}

interface Results {
  schemaVersion: 1;
  date: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGB: number };
  commit?: string;
  commands: string[];
  options: Options;
  compare: CompareRow[];
  scale: { rows: ScaleRow[]; growth: Record<string, number | null>; note: string };
  bundles: SampleBundles[];
  /** (d); absent in results of older runs. */
  splitScale?: SplitScaleRow[];
  profile?: ProfileSummary & { tree: string };
  targets: TargetRow[];
}

function cleaveCommands(): string[] {
  const help = spawnSync(process.execPath, [path.join(REPO, 'bin', 'cleave.js'), '--help'], { cwd: REPO, encoding: 'utf8' });
  const text = `${help.stdout}\n${help.stderr}`;
  const at = text.indexOf('Commands:');
  if (at < 0) return [];
  return (
    text
      .slice(at)
      .split('\n')
      .slice(1)
      // A command line starts with exactly two spaces; wrapped descriptions are indented further.
      .map((line) => /^ {2}([a-z][\w-]*)(?=[\s[<]|$)/.exec(line)?.[1])
      .filter((c): c is string => c !== undefined && c !== 'help')
  );
}

function commit(): string | undefined {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  if (rev.status !== 0) return undefined;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' });
  return rev.stdout.trim() + (dirty.stdout.trim() ? ' (with uncommitted changes)' : '');
}

function sourceFileCount(dir: string): number {
  let n = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', 'public', '.git'].includes(e.name)) walk(path.join(d, e.name));
      } else if (/\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts')) n++;
    }
  };
  walk(dir);
  return n;
}

/** `cleave analyze <dir> -o <tmp>` in a fresh process; also reads how many routes it found. */
function analyzeOnce(tree: Tree, work: string): Sample & { routes?: number } {
  const out = path.join(work, `analysis-${path.basename(tree.dir)}.json`);
  const sample = runWorker('cli', ['analyze', tree.dir, '-o', out, '--quiet']);
  if (!sample.ok) return sample;
  try {
    const analysis = JSON.parse(fs.readFileSync(out, 'utf8')) as { routes: unknown[] };
    return { ...sample, routes: analysis.routes.length };
  } catch {
    return sample;
  }
}

function madgeOnce(tree: Tree): Sample {
  return runWorker('madge', tree.tsconfig ? [tree.dir, tree.tsconfig] : [tree.dir]);
}

/** (a): alternate the two tools, `runs` fresh processes each, the order flipping every round. */
function compare(tree: Tree, runs: number, work: string): CompareRow {
  const analyzeSamples: Array<Sample & { routes?: number }> = [];
  const madgeSamples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    note(`${tree.name}: round ${i + 1}/${runs}`);
    if (i % 2 === 0) {
      madgeSamples.push(madgeOnce(tree));
      analyzeSamples.push(analyzeOnce(tree, work));
    } else {
      analyzeSamples.push(analyzeOnce(tree, work));
      madgeSamples.push(madgeOnce(tree));
    }
  }
  const analyze = summarize(analyzeSamples);
  const madge = summarize(madgeSamples);
  const lastMadge = madgeSamples.find((s) => s.ok);
  return {
    tree: tree.name,
    sourceFiles: sourceFileCount(tree.dir),
    routesFound: analyzeSamples.find((s) => s.routes !== undefined)?.routes ?? NaN,
    analyze,
    madge: { ...madge, files: lastMadge?.files ?? NaN, edges: lastMadge?.edges ?? NaN },
    ratio: round(analyze.totalMs / madge.totalMs, 2),
    runRatio: round(analyze.runMs / madge.runMs, 2),
  };
}

/** (b): plan and generate at one size, when the commands exist. */
function scaleCommands(app: SyntheticApp, commands: string[], runs: number, work: string): Pick<ScaleRow, 'plan' | 'generate'> {
  const plan: ScaleCell = {};
  const generate: ScaleCell = {};
  const planFile = path.join(work, `plan-${app.routes}.yaml`);
  if (!commands.includes('plan')) {
    plan.skipped = '`cleave plan` does not exist yet';
  } else {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      note(`plan ${app.routes} routes: run ${i + 1}/${runs}`);
      samples.push(runWorker('cli', ['plan', app.dir, '-o', planFile, '--quiet']));
      if (!samples[i]!.ok) break; // a crash (out of memory) repeats: do not wait for it again
    }
    plan.summary = summarize(samples);
  }
  if (!commands.includes('generate')) {
    generate.skipped = '`cleave generate` does not exist yet';
  } else if (!fs.existsSync(planFile)) {
    generate.skipped = 'no plan to generate from (`cleave plan` missing or failed)';
  } else {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      note(`generate ${app.routes} routes: run ${i + 1}/${runs}`);
      const out = path.join(work, `generated-${app.routes}-${i}`);
      samples.push(runWorker('cli', ['generate', app.dir, '--plan', planFile, '-o', out, '--quiet']));
      fs.rmSync(out, { recursive: true, force: true });
      if (!samples[i]!.ok) break;
    }
    generate.summary = summarize(samples);
  }
  return { plan, generate };
}

function profileAnalyze(tree: Tree, work: string): ProfileSummary & { tree: string } {
  const dir = path.join(work, 'cpu-profile');
  fs.mkdirSync(dir, { recursive: true });
  note(`profiling analyze on ${tree.name}`);
  const sample = runWorker('cli', ['analyze', tree.dir, '-o', path.join(work, 'profiled.json'), '--quiet'], {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!sample.ok || !file) throw new Error(`profiling failed: ${sample.error ?? 'no .cpuprofile written'}`);
  return { tree: tree.name, ...summarizeProfile(path.join(dir, file)) };
}

function growth(rows: ScaleRow[], key: 'analyze' | 'plan' | 'generate'): number | null {
  if (rows.length < 2) return null;
  const small = rows[0]![key].summary;
  const large = rows[rows.length - 1]![key].summary;
  if (!small || !large || !small.runs || !large.runs) return null;
  return round(large.runMs / small.runMs, 2);
}

function evaluateTargets(results: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const miss = (value: number, goal: number): string =>
    value <= goal ? `within (${round((100 * value) / goal)}% of the limit)` : `missed by ${round((100 * (value - goal)) / goal)}%`;
  for (const c of results.compare) {
    const ok = Number.isFinite(c.ratio);
    rows.push({
      target: `analyze vs madge, ${c.tree}`,
      goal: `≤ ${TARGETS.madgeRatio}x`,
      value: ok ? `${c.ratio}x` : 'failed',
      met: ok ? c.ratio <= TARGETS.madgeRatio : false,
      note: ok ? miss(c.ratio, TARGETS.madgeRatio) : (c.analyze.error ?? c.madge.error ?? '').split('\n')[0]!,
    });
  }
  const sizes = results.scale.rows;
  const smallest = sizes[0]?.routes;
  const largest = sizes[sizes.length - 1]?.routes;
  for (const key of ['analyze', 'plan', 'generate'] as const) {
    const g = results.scale.growth[key];
    const lastCell = sizes[sizes.length - 1]?.[key];
    if (lastCell?.skipped) {
      rows.push({ target: `${key}: growth and peak memory`, goal: '—', value: 'skipped', met: null, note: lastCell.skipped });
      continue;
    }
    if (g !== null && g !== undefined && smallest && largest) {
      const goal = (TARGETS.growth * largest) / (smallest * 10);
      rows.push({ target: `${key} time, ${smallest} → ${largest} routes`, goal: `≤ ${round(goal, 1)}x`, value: `${g}x`, met: g <= goal, note: miss(g, goal) });
    }
    const peak = lastCell?.summary?.peakRssMB;
    if (peak !== undefined && Number.isFinite(peak) && largest) {
      rows.push({
        target: `${key} peak memory at ${largest} routes`,
        goal: `≤ ${TARGETS.peakMB} MB`,
        value: `${round(peak)} MB`,
        met: peak <= TARGETS.peakMB,
        note: miss(peak, TARGETS.peakMB),
      });
    } else if (lastCell?.summary?.error) {
      rows.push({ target: `${key} at ${largest} routes`, goal: '—', value: 'failed', met: false, note: lastCell.summary.error.split('\n')[0]! });
    }
  }
  for (const b of results.bundles) {
    if (b.medianBytesRatio === undefined) {
      rows.push({
        target: `median function bundle, ${b.sample}`,
        goal: `≤ ${TARGETS.bundleShare * 100}% of whole app`,
        value: 'skipped',
        met: null,
        note: b.skipped ?? '',
      });
    } else {
      rows.push({
        target: `median function bundle, ${b.sample}`,
        goal: `≤ ${TARGETS.bundleShare * 100}% of whole app`,
        value: `${round(b.medianBytesRatio * 100, 1)}%`,
        met: b.medianBytesRatio <= TARGETS.bundleShare,
        note: `${miss(b.medianBytesRatio, TARGETS.bundleShare)}; app code alone ${round((b.medianAppBytesRatio ?? NaN) * 100, 1)}% of the app's`,
      });
    }
  }
  for (const row of results.splitScale ?? []) {
    const { totalMs, peakRssMB, error } = row.split;
    if (!Number.isFinite(totalMs)) {
      rows.push({ target: `split, ${row.app}`, goal: `≤ ${TARGETS.splitMs / 1000} s`, value: 'failed', met: false, note: (error ?? '').split('\n')[0]! });
      continue;
    }
    rows.push({
      target: `split, ${row.app}`,
      goal: `≤ ${TARGETS.splitMs / 1000} s`,
      value: ms(totalMs),
      met: totalMs <= TARGETS.splitMs,
      note: miss(totalMs, TARGETS.splitMs),
    });
    rows.push({
      target: `split peak memory, ${row.app}`,
      goal: `≤ ${TARGETS.peakMB} MB`,
      value: mb(peakRssMB),
      met: peakRssMB <= TARGETS.peakMB,
      note: miss(peakRssMB, TARGETS.peakMB),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Markdown

const ms = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : v >= 10_000 ? `${round(v / 1000, 1)} s` : `${round(v)} ms`);
const mb = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : `${round(v)} MB`);
const kb = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : `${round(v / 1024, 1)} KB`);
const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : String(v));

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function markdown(r: Results): string {
  const out: string[] = [];
  out.push('# cleave benchmarks', '');
  out.push(
    `${r.date} · node ${r.machine.node} · ${r.machine.platform} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.machine.memoryGB} GB` +
      (r.commit ? ` · commit ${r.commit}` : '') +
      ` · cleave commands: ${r.commands.join(', ') || 'none found'}`,
    '',
  );
  out.push('## Targets', '');
  out.push(
    table(
      ['target', 'goal', 'measured', 'met', 'note'],
      r.targets.map((t) => [t.target, t.goal, t.value, t.met === null ? 'n/a' : t.met ? 'yes' : '**no**', t.note]),
    ),
  );
  out.push('');

  out.push('## (a) `cleave analyze` vs madge on the same tree', '');
  out.push(
    'Each run is a fresh `node` process (bench/worker.js); the two tools alternate, the order flipping every round. ' +
      "*total* = loading the tool + the work (node's own boot excluded), *work* = the call alone. " +
      'cleave runs its CLI in process (`analyze <dir> -o <file>`: parse, routes, closure, JSON written); madge runs its API (`madge(dir, { fileExtensions, tsConfig }).obj()`). Medians; ratio = cleave / madge.',
    '',
  );
  out.push(
    table(
      [
        'tree',
        'files',
        'routes',
        'runs',
        'cleave total',
        'cleave work',
        'madge total',
        'madge work',
        'ratio (total)',
        'ratio (work)',
        'cleave peak',
        'madge peak',
      ],
      r.compare.map((c) => [
        c.tree,
        num(c.sourceFiles),
        num(c.routesFound),
        `${c.analyze.runs}+${c.madge.runs}`,
        ms(c.analyze.totalMs),
        ms(c.analyze.runMs),
        ms(c.madge.totalMs),
        ms(c.madge.runMs),
        `**${num(c.ratio)}x**`,
        `${num(c.runRatio)}x`,
        mb(c.analyze.peakRssMB),
        mb(c.madge.peakRssMB),
      ]),
    ),
  );
  out.push('');

  out.push('## (b) Scale: synthetic monoliths', '');
  out.push(`${r.scale.note}`, '');
  const cell = (c: ScaleCell): string[] =>
    c.skipped ? ['skipped', '—'] : c.summary?.runs ? [`${ms(c.summary.runMs)} (total ${ms(c.summary.totalMs)})`, mb(c.summary.peakRssMB)] : ['failed', '—'];
  out.push(
    table(
      ['routes', 'files', 'source', 'analyze time', 'analyze peak', 'plan time', 'plan peak', 'generate time', 'generate peak'],
      r.scale.rows.map((s) => [String(s.routes), String(s.sourceFiles), `${s.sourceKB} KB`, ...cell(s.analyze), ...cell(s.plan), ...cell(s.generate)]),
    ),
  );
  out.push('');
  out.push(
    `Growth (work time, largest / smallest): ` +
      (['analyze', 'plan', 'generate'] as const)
        .map((k) => `${k} ${r.scale.growth[k] === null || r.scale.growth[k] === undefined ? 'n/a' : `${r.scale.growth[k]}x`}`)
        .join(', ') +
      '.',
    '',
  );
  const skippedNotes = [...new Set(r.scale.rows.flatMap((s) => [s.plan.skipped, s.generate.skipped]).filter(Boolean))];
  if (skippedNotes.length > 0) out.push(`Skipped: ${skippedNotes.join('; ')} (commands found by \`node bin/cleave.js --help\`).`, '');
  const failures = r.scale.rows.flatMap((s) =>
    (['plan', 'generate'] as const)
      .filter((k) => s[k].summary && !s[k].summary!.runs)
      .map((k) => `${k} at ${s.routes} routes: ${s[k].summary!.error?.split('\n')[0]}`),
  );
  if (failures.length > 0) out.push(`Failed: ${failures.join('; ')}.`, '');

  out.push('## (c) Generated functions vs the whole app as one function', '');
  out.push(
    'esbuild 0.28 `--bundle --platform=node --target=node20 --format=cjs --external:@aws-sdk/*`, unminified. ' +
      'Whole app = the app module behind the adapter the generated handlers use (the lift-and-shift function); cold require = median `require()` of the bundle in a fresh process, which builds the app. ' +
      "*app code* = the bytes that come from the app's own files (not node_modules), from esbuild's metafile.",
    '',
  );
  if (r.bundles.length === 0) out.push('Not run (`--no-bundles`).', '');
  for (const b of r.bundles) {
    out.push(`### ${b.sample}`, '');
    const pct = (part: number, whole: number): string => (Number.isFinite(part / whole) ? `${round((100 * part) / whole, 1)}%` : '—');
    const rows: string[][] = [
      [
        `whole app (${b.entry} + ${b.wholeApp.adapter})`,
        kb(b.wholeApp.bytes),
        '100%',
        kb(b.wholeApp.appBytes),
        '100%',
        ms(b.wholeApp.coldRequireMs),
        b.wholeApp.error ?? '',
      ],
    ];
    for (const f of b.functions ?? [])
      rows.push([f.id, kb(f.bytes), pct(f.bytes, b.wholeApp.bytes), kb(f.appBytes), pct(f.appBytes, b.wholeApp.appBytes), ms(f.coldRequireMs), f.error ?? '']);
    out.push(table(['bundle', 'size', 'of whole app', 'app code', 'of whole app code', 'cold require', 'note'], rows));
    out.push('');
    out.push(`App module alone (no adapter): ${kb(b.entryBytes)}.`);
    if (b.skipped) out.push(`Generated functions: skipped — ${b.skipped}.`);
    if (b.medianBytesRatio !== undefined) {
      out.push(
        `Median function: ${round(b.medianBytesRatio * 100, 1)}% of the whole-app bundle (app code alone: ${round((b.medianAppBytesRatio ?? NaN) * 100, 1)}% of the app's own code), ` +
          `cold require ${round((b.medianColdRatio ?? NaN) * 100, 1)}% of the whole app's.`,
      );
    }
    out.push('');
  }

  if (r.splitScale) {
    out.push('## (d) `cleave split` end to end at scale', '');
    out.push(
      'bench/split-scale.ts writes each app at run time (packages resolved from this checkout); `split` runs analyze, plan, generate and the esbuild bundles in a fresh process. ' +
        'Time = load + work of the process; peak = its peak RSS (esbuild runs in a child process of its own, not counted).',
      '',
    );
    out.push(
      table(
        ['app', 'routes', 'files', 'functions', 'runs', 'split time', 'peak'],
        r.splitScale.map((row) => [
          row.app,
          num(row.routes),
          num(row.files),
          num(row.functions),
          num(row.split.runs),
          ms(row.split.totalMs),
          mb(row.split.peakRssMB),
        ]),
      ),
    );
    out.push('');
  }

  if (r.profile) {
    out.push(`## Profile: analyze on ${r.profile.tree}`, '');
    out.push(`\`node --cpu-prof\`, ${ms(r.profile.totalMs)} sampled. cleave's own functions by inclusive time (where the stages spend it):`, '');
    out.push(
      table(
        ['function', 'inclusive', 'share'],
        r.profile.cleave.map((h) => [`\`${h.frame}\``, ms(h.ms), `${h.percent}%`]),
      ),
    );
    out.push('', 'All functions by self time:', '');
    out.push(
      table(
        ['function', 'self', 'share'],
        r.profile.self.map((h) => [`\`${h.frame}\``, ms(h.ms), `${h.percent}%`]),
      ),
    );
    out.push('');
  }
  out.push('Reproduce: `npm run bench` (options: see bench/run.ts). Raw figures: bench/results.json.', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (process.argv[2] === '--render') {
    // Re-renders bench/results.md from bench/results.json (after a change to the report format).
    const md = markdown(JSON.parse(fs.readFileSync(path.join(__dirname, 'results.json'), 'utf8')) as Results);
    fs.writeFileSync(path.join(__dirname, 'results.md'), md);
    process.stdout.write(md);
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-bench-'));
  const commands = cleaveCommands();
  if (!commands.includes('analyze')) throw new Error('`node bin/cleave.js --help` lists no analyze command: run `npm run build` first');
  note(`cleave commands: ${commands.join(', ')}`);

  const synthetic = options.sizes.map((routes) => {
    note(`generating a synthetic monolith with ${routes} routes`);
    return generateSynthetic({ routes, dir: path.join(work, `synthetic-${routes}`) });
  });
  const trees: Tree[] = [
    { name: 'samples/shop-api', dir: path.join(REPO, 'samples/shop-api'), tsconfig: path.join(REPO, 'samples/shop-api/tsconfig.json') },
    { name: 'samples/library-js', dir: path.join(REPO, 'samples/library-js') },
    ...synthetic.map((app) => ({
      name: `synthetic ${app.routes} routes`,
      dir: app.dir,
      tsconfig: path.join(app.dir, 'tsconfig.json'),
      routes: app.routes,
      synthetic: app,
    })),
  ];

  const compareRows: CompareRow[] = [];
  for (const tree of trees) {
    const runs = (tree.routes ?? 0) >= 2000 ? options.largeRuns : options.runs;
    compareRows.push(compare(tree, runs, work));
  }

  const scaleRows: ScaleRow[] = synthetic.map((app, i) => {
    const row = compareRows[2 + i]!;
    const runs = app.routes >= 2000 ? options.largeRuns : options.runs;
    return {
      routes: app.routes,
      sourceFiles: app.files,
      sourceKB: round(app.bytes / 1024),
      analyze: { summary: row.analyze },
      ...scaleCommands(app, commands, runs, work),
    };
  });
  for (const [i, app] of synthetic.entries()) {
    const found = compareRows[2 + i]!.routesFound;
    if (found !== app.routes) note(`warning: analyze found ${found} routes in the synthetic app with ${app.routes}`);
  }

  const bundles: SampleBundles[] = [];
  if (options.bundles) {
    for (const sample of [
      { dir: 'samples/shop-api', entry: 'samples/shop-api/src/app.ts' },
      { dir: 'samples/library-js', entry: 'samples/library-js/app.js' },
    ]) {
      note(`bundles of ${sample.dir}`);
      bundles.push(await measureBundles(sample, commands.includes('split'), options.runs));
    }
  }

  const splitScale = options.splitScale && commands.includes('split') ? measureSplitScale(options.splitScale, options.largeRuns, work) : undefined;

  const largest = trees[trees.length - 1]!;
  const profile = options.profile ? profileAnalyze(largest, work) : undefined;

  const results: Results = {
    schemaVersion: 1,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
    },
    commit: commit(),
    commands,
    options,
    compare: compareRows,
    scale: {
      rows: scaleRows,
      growth: { analyze: growth(scaleRows, 'analyze'), plan: growth(scaleRows, 'plan'), generate: growth(scaleRows, 'generate') },
      note:
        `bench/synthetic.ts: ${synthetic.map((s) => `${s.routes} routes = ${s.resources} resources, ${s.files} files`).join('; ')}. ` +
        'Each resource has a router (with a route() chain and a nested router), a controller, a service calling two other services and a model, behind shared middleware. ' +
        'Time = median work of the command (module loading excluded, so a constant start-up cost does not flatter the growth), with the load + work total in brackets; peak = highest peak RSS of the process.',
    },
    bundles,
    ...(splitScale ? { splitScale } : {}),
    ...(profile ? { profile } : {}),
    targets: [],
  };
  results.targets = evaluateTargets(results);

  const md = markdown(results);
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(__dirname, 'results.md'), md);
  if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
  else note(`kept ${work}`);
  process.stdout.write(md);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: error: ${(error as Error).message ?? String(error)}\n`);
  process.exitCode = 1;
});
