import type { DiagnosticSink } from '../diagnostics';

/** What automatic entry detection weighed, for {@link reportEntryChoice}. */
export interface EntryChoice {
  /** The entries chosen (absolute paths). */
  chosen: string[];
  /** Every candidate weighed (absolute paths). */
  candidates: string[];
  /** Files each candidate reaches through its imports, itself included. */
  reach: Map<string, Set<string>>;
  /** The file-level import graph (absolute paths). */
  graph: Map<string, string[]>;
  /** Whether a file calls `listen`. */
  callsListen: (file: string) => boolean;
  /** Whether the chosen entry was taken from an import cycle between candidates (no candidate was imported by none). */
  fromCycle: boolean;
  /** A path relative to the app dir, with `/`. */
  rel: (file: string) => string;
}

/**
 * Reports an `ENTRY_CHOSEN` info diagnostic at each chosen entry that imports another candidate
 * calling `listen`: the app's real entry (loading hooks, subscriptions) and its app module can
 * both call `listen`, and a user must see that the importer was taken, and how to choose another.
 */
export function reportEntryChoice(choice: EntryChoice, diagnostics: DiagnosticSink): void {
  for (const entry of choice.chosen) {
    const reached = choice.reach.get(entry) ?? new Set<string>();
    const shadowed = choice.candidates.filter((c) => c !== entry && reached.has(c) && choice.callsListen(c)).sort();
    if (shadowed.length === 0) continue;
    const direct = new Set(choice.graph.get(entry) ?? []);
    const names = shadowed.map((f) => (direct.has(f) ? choice.rel(f) : `${choice.rel(f)} (through other files)`));
    const verb = `${choice.callsListen(entry) ? 'also ' : ''}call${shadowed.length === 1 ? 's' : ''}`;
    const why = choice.fromCycle ? '; they import each other, so the first by path was taken' : '';
    diagnostics.atFile(
      'ENTRY_CHOSEN',
      'info',
      entry,
      1,
      `${choice.rel(entry)} imports ${joinNames(names)}, which ${verb} listen; entry: ${choice.rel(entry)}${why}`,
      'pass --entry or set entry: in cleave.config.yaml to choose another',
    );
  }
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
