import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, round } from './measure';

/** One row of a CPU profile summary. */
export interface HotSpot {
  /** `function (file)`; cleave's own frames name the TypeScript source. */
  frame: string;
  ms: number;
  /** Share of all sampled time, percent. */
  percent: number;
}

/** What a `.cpuprofile` says, boiled down. */
export interface ProfileSummary {
  /** Sampled time, ms. */
  totalMs: number;
  /** Functions by self time (all code). */
  self: HotSpot[];
  /** The analyzer's functions by inclusive time: where the stages spend it. */
  cleave: HotSpot[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const DIST = path.join(REPO, 'dist') + path.sep;
const ANALYZER = path.join(DIST, 'analyzer') + path.sep;

/** Summarises a V8 `.cpuprofile` (from `node --cpu-prof`). */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeOf = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    timeOf.set(id, (timeOf.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of timeOf) {
    const leaf = nodes.get(id)!;
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = nodes.get(cur)!;
      if (!node.callFrame.url.replace(/^file:\/\//, '').startsWith(ANALYZER)) continue;
      const name = frameName(node);
      if (seen.has(name)) continue; // recursion counts once
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + t);
    }
  }
  const rows = (m: Map<string, number>): HotSpot[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, us]) => ({ frame, ms: round(us / 1000), percent: round((100 * us) / total, 1) }));
  return { totalMs: round(total / 1000), self: rows(self), cleave: rows(inclusive) };
}

function frameName(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  let file = url.replace(/^file:\/\//, '');
  if (file.startsWith(DIST)) {
    // cleave's own code: name the TypeScript source line (through tsc's source map).
    const line = sourceLine(file, lineNumber);
    file = path.relative(DIST, file).replace(/\.js$/, '.ts') + (line ? `:${line}` : '');
  } else if (file.includes('/node_modules/')) {
    file = file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length);
  } else if (!file.startsWith('node:')) {
    file = path.relative(REPO, file);
  }
  return `${name} (${file})`;
}

const sourceMaps = new Map<string, Array<number | undefined>>();

/** The 1-based source line of 0-based generated line `line` of `jsFile`, from its `.js.map`. */
function sourceLine(jsFile: string, line: number): number | undefined {
  let lines = sourceMaps.get(jsFile);
  if (!lines) {
    lines = [];
    try {
      const map = JSON.parse(fs.readFileSync(jsFile + '.map', 'utf8')) as { mappings: string };
      let original = 0;
      for (const generated of map.mappings.split(';')) {
        let first: number | undefined;
        for (const segment of generated.split(',')) {
          const fields = decodeVlq(segment);
          if (fields.length >= 3) {
            original += fields[2]!;
            first ??= original;
          }
        }
        lines.push(first === undefined ? undefined : first + 1);
      }
    } catch {
      // no map: report the file only
    }
    sourceMaps.set(jsFile, lines);
  }
  return lines[line];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
