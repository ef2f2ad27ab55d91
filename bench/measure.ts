import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (bench/..). */
export const REPO = path.resolve(__dirname, '..');
const WORKER = path.join(__dirname, 'worker.js');

/** What one worker process reported. */
export interface Sample {
  ok: boolean;
  /** Time to require the tool (ms). */
  loadMs: number;
  /** Time of the work itself (ms). */
  runMs: number;
  /** From process start to the end of the work (ms): node boot excluded, module loading included. */
  totalMs: number;
  /** Peak resident memory of the process (MB). */
  maxRssMB: number;
  /** Wall time of the whole child process as seen by the runner (ms). */
  wallMs: number;
  error?: string;
  files?: number;
  edges?: number;
}

/** Runs `node [nodeArgs] bench/worker.js <result> <mode> <args>` in a fresh process. */
export function runWorker(mode: 'cli' | 'madge' | 'require', args: string[], options: { nodeArgs?: string[]; cwd?: string } = {}): Sample {
  const resultFile = path.join(os.tmpdir(), `cleave-bench-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const child = spawnSync(process.execPath, [...(options.nodeArgs ?? []), WORKER, resultFile, mode, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const wallMs = performance.now() - started;
  let parsed: Partial<Sample> = {};
  try {
    parsed = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Partial<Sample>;
    fs.rmSync(resultFile, { force: true });
  } catch {
    const stderr = child.stderr || '';
    const fatal = /FATAL ERROR[^\n]*/.exec(stderr)?.[0] ?? stderr.trim().split('\n').slice(-3).join(' ');
    parsed = { ok: false, error: `the process died (exit ${child.status}${child.signal ? `, ${child.signal}` : ''}): ${fatal.slice(0, 500)}` };
  }
  return { ok: false, loadMs: NaN, runMs: NaN, totalMs: NaN, maxRssMB: NaN, ...parsed, wallMs };
}

/** The median of a list (the mean of the two middle values for an even count). */
export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median figures of several samples of one measurement. */
export interface Summary {
  runs: number;
  /** Median time from process start to the end of the work (load + run), ms. */
  totalMs: number;
  /** Median time to load the tool, ms. */
  loadMs: number;
  /** Median time of the work, ms. */
  runMs: number;
  /** Highest peak resident memory over the runs, MB. */
  peakRssMB: number;
  /** Every run's totalMs, in run order. */
  samples: number[];
  /** The first error, when a run failed. */
  error?: string;
}

/** Summarises samples; failed runs are dropped (and the first error kept). */
export function summarize(samples: Sample[]): Summary {
  const ok = samples.filter((s) => s.ok);
  const error = samples.find((s) => !s.ok)?.error;
  return {
    runs: ok.length,
    totalMs: median(ok.map((s) => s.totalMs)),
    loadMs: median(ok.map((s) => s.loadMs)),
    runMs: median(ok.map((s) => s.runMs)),
    peakRssMB: ok.length > 0 ? Math.max(...ok.map((s) => s.maxRssMB)) : NaN,
    samples: samples.map((s) => round(s.totalMs)),
    ...(error ? { error } : {}),
  };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Prints a progress line on stderr. */
export function note(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
