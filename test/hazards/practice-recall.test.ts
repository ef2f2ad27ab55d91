import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeApp } from '../../analyzer/analyze';
import type { Hazard } from '../../model/analysis';

/**
 * Recall of cleave's hazards on real Express apps nobody on the team wrote, against a truth
 * written by hand (test/hazards/practice-truth/<app>.json: every construct a platform engineer
 * moving the app to Lambda must know about, `certain: false` for the debatable or informational
 * ones). The apps are not in this repository (their code must never be copied here): point
 * CLEAVE_PRACTICE_APPS at a folder holding them as sub-folders named like the truth files, each
 * checked out at the truth's `commit`, e.g.
 *
 *   CLEAVE_PRACTICE_APPS=/tmp/apps npx jest test/hazards/practice-recall.test.ts
 *
 * Without it (CI cannot fetch these repositories), or when an app is missing or at another
 * commit, the app's test is skipped and its name says why.
 *
 * Matching:
 * - a cleave hazard matches a truth entry when the codes are equivalent (same code, or the same
 *   group of {@link EQUIVALENT_CODES}), the file is the same and the lines are at most
 *   {@link LINE_TOLERANCE} apart;
 * - recall = certain truth entries matched / certain truth entries, where each cleave hazard can
 *   find at most one truth entry (a maximum one-to-one matching: one report at a logger does not
 *   count for two file transports);
 * - false alarms = cleave hazards that match no truth entry at all, certain or not (a debatable
 *   item cleave reports is not an alarm), over all of cleave's hazards.
 * Only `hazards` of a truth file is scored; its `uncoded` list holds real hazards no cleave code
 * covers (work left running after the response, files read at boot), for the record.
 */

const TRUTH_DIR = path.join(__dirname, 'practice-truth');
const APPS_ENV = 'CLEAVE_PRACTICE_APPS';
const LINE_TOLERANCE = 2;
const MIN_RECALL = 0.9;
const MAX_FALSE_ALARM_SHARE = 0.15;

/**
 * Sibling codes cleave may use for the same construct; a truth entry with one code matches a
 * cleave hazard with any code of its group.
 */
const EQUIVALENT_CODES: string[][] = [
  // A hand-made handler registry (a module-level Map/array of callbacks) is module state shared
  // by one instance, and cleave reports it as EVENT_EMITTER_STATE.
  ['MODULE_STATE_SHARED', 'EVENT_EMITTER_STATE'],
  // Work scheduled inside the process: setInterval-based schedulers and cron libraries.
  ['TIMER_AT_BOOT', 'CRON_JOB'],
  // express.raw / bodyParser.raw is both a binary body and, for JSON or webhooks, a raw body.
  ['BINARY_OR_LARGE_BODY', 'RAW_BODY_WEBHOOK'],
];

interface TruthEntry {
  file: string;
  line: number;
  code: string;
  certain: boolean;
  why: string;
}

interface Truth {
  app: string;
  repository: string;
  commit: string;
  hazards: TruthEntry[];
}

interface Outcome {
  app: string;
  truthCertain: number;
  found: number;
  recall: number;
  cleaveHazards: number;
  falseAlarms: number;
  falseAlarmShare: number;
  misses: TruthEntry[];
  alarms: Hazard[];
  seconds: number;
}

function sameGroup(a: string, b: string): boolean {
  return a === b || EQUIVALENT_CODES.some((group) => group.includes(a) && group.includes(b));
}

function matches(t: TruthEntry, h: Hazard): boolean {
  return sameGroup(t.code, h.code) && t.file === h.file && Math.abs(t.line - h.line) <= LINE_TOLERANCE;
}

/** Maximum one-to-one matching of truth entries to hazards (Kuhn's augmenting paths); returns, per truth entry, the matched hazard's index or -1. */
function matchOneToOne(truth: TruthEntry[], hazards: Hazard[]): number[] {
  const hazardOwner = new Array<number>(hazards.length).fill(-1);
  const tryAssign = (ti: number, seen: boolean[]): boolean => {
    for (let hi = 0; hi < hazards.length; hi++) {
      if (seen[hi] || !matches(truth[ti]!, hazards[hi]!)) continue;
      seen[hi] = true;
      if (hazardOwner[hi] === -1 || tryAssign(hazardOwner[hi]!, seen)) {
        hazardOwner[hi] = ti;
        return true;
      }
    }
    return false;
  };
  truth.forEach((_, ti) => tryAssign(ti, new Array<boolean>(hazards.length).fill(false)));
  const byTruth = new Array<number>(truth.length).fill(-1);
  hazardOwner.forEach((ti, hi) => {
    if (ti !== -1) byTruth[ti] = hi;
  });
  return byTruth;
}

function score(truth: Truth, hazards: Hazard[], seconds: number): Outcome {
  const certain = truth.hazards.filter((t) => t.certain);
  const pairing = matchOneToOne(certain, hazards);
  const misses = certain.filter((_, i) => pairing[i] === -1);
  const alarms = hazards.filter((h) => !truth.hazards.some((t) => matches(t, h)));
  return {
    app: truth.app,
    truthCertain: certain.length,
    found: certain.length - misses.length,
    recall: certain.length === 0 ? 1 : (certain.length - misses.length) / certain.length,
    cleaveHazards: hazards.length,
    falseAlarms: alarms.length,
    falseAlarmShare: hazards.length === 0 ? 0 : alarms.length / hazards.length,
    misses,
    alarms,
    seconds,
  };
}

function headCommit(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Why this app cannot be measured here, or undefined when it can. */
function skipReason(truth: Truth, appDir: string | undefined): string | undefined {
  if (!appDir) return `${APPS_ENV} is not set`;
  if (!fs.existsSync(appDir)) return `${appDir} does not exist`;
  const head = headCommit(appDir);
  if (!head) return `${appDir} is not a git checkout`;
  if (head !== truth.commit) return `${appDir} is at ${head.slice(0, 12)}, the truth is for ${truth.commit.slice(0, 12)}`;
  return undefined;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function table(outcomes: Outcome[]): string {
  const header = ['app', 'truth certain', 'found', 'recall', 'cleave hazards', 'false alarms', 'share', 'seconds'];
  const rows = outcomes.map((o) => [
    o.app,
    String(o.truthCertain),
    String(o.found),
    pct(o.recall),
    String(o.cleaveHazards),
    String(o.falseAlarms),
    pct(o.falseAlarmShare),
    o.seconds.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function details(o: Outcome): string {
  const out = [`${o.app}: ${o.misses.length} miss(es), ${o.alarms.length} false alarm(s)`];
  for (const m of o.misses) out.push(`  miss  ${m.code} ${m.file}:${m.line}  ${m.why}`);
  for (const a of o.alarms) out.push(`  alarm ${a.code} ${a.file}:${a.line}  ${a.message}`);
  return out.join('\n');
}

const truths: Truth[] = fs
  .readdirSync(TRUTH_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(TRUTH_DIR, f), 'utf8')) as Truth);

const appsRoot = process.env[APPS_ENV] ? path.resolve(process.env[APPS_ENV]!) : undefined;
const cases = truths.map((truth) => {
  const appDir = appsRoot ? path.join(appsRoot, truth.app) : undefined;
  return { name: truth.app, truth, appDir, reason: skipReason(truth, appDir) };
});
const outcomes: Outcome[] = [];

afterAll(() => {
  if (outcomes.length > 0) console.log(`hazard recall on practice apps\n${table(outcomes)}\n\n${outcomes.map(details).join('\n\n')}`);
});

describe('practice-truth files', () => {
  it.each(truths.map((t) => [t.app, t] as const))('%s is well formed', (name, t) => {
    expect(t.app).toBe(name);
    expect(t.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(t.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(t.hazards.length).toBeGreaterThan(0);
    for (const h of t.hazards) {
      expect(h).toEqual({
        file: expect.any(String),
        line: expect.any(Number),
        code: expect.stringMatching(/^[A-Z_]+$/),
        certain: expect.any(Boolean),
        why: expect.any(String),
      });
      expect(path.isAbsolute(h.file)).toBe(false);
      expect(h.line).toBeGreaterThan(0);
    }
  });
});

describe.each(cases)('hazard recall on $name', ({ truth, appDir, reason }) => {
  if (reason) {
    it.skip(`skipped: ${reason}`, () => undefined);
    return;
  }
  it(`finds ≥ ${pct(MIN_RECALL)} of the certain hazards with ≤ ${pct(MAX_FALSE_ALARM_SHARE)} false alarms`, async () => {
    const started = Date.now();
    const analysis = await analyzeApp({ appDir: appDir! });
    const outcome = score(truth, analysis.hazards, (Date.now() - started) / 1000);
    outcomes.push(outcome);
    const summary = `${details(outcome)}\nrecall ${pct(outcome.recall)}, false alarms ${pct(outcome.falseAlarmShare)}`;
    expect({ recallAtLeastTarget: outcome.recall >= MIN_RECALL, falseAlarmsWithinTarget: outcome.falseAlarmShare <= MAX_FALSE_ALARM_SHARE, summary }).toEqual({
      recallAtLeastTarget: true,
      falseAlarmsWithinTarget: true,
      summary,
    });
  });
});
