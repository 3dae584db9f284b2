/**
 * CrucibleTrace reasoning chains (formats/crucible-chains.md): the chain file model, diff results and
 * the aligned side-by-side model of the app. Plain data only, so every value crosses the process
 * boundary as JSON.
 */

/**
 * A number whose kind a JS number cannot carry: an integral float (`1.0`, `1.0e3`) or an integer
 * beyond 2^53. `$number` is the number text (floats in the short form of §1.1, integers as digits).
 */
export interface KeptNumber {
  readonly $number: string;
}

/**
 * JSON that keeps the integer/float kind of its numbers (§1.1): a JS `number` is an integer when
 * `Number.isInteger` holds, a float otherwise; integral floats and huge integers are `KeptNumber`.
 */
export type KeptJson = null | boolean | string | number | KeptNumber | KeptJson[] | KeptObject;
export type KeptObject = { [key: string]: KeptJson };

/**
 * A timestamp in canonical ISO form: UTC, `Z`, 0-6 fraction digits (`2025-01-15T10:30:00.123456Z`).
 * The digit count is part of the value (§1.3), so string equality is the diff's structural equality.
 */
export type IsoTimestamp = string;

/** One reasoning / training / deployment event: exactly the 14 keys of the file format (§2.1). */
export interface ChainEvent {
  id: string;
  timestamp: IsoTimestamp;
  /** One of the 26 names of §2.2, or any other string a producer wrote (kept verbatim). */
  type: string;
  /** Null only when a file held null; text exports render it as "". */
  decision: string | null;
  reasoning: string | null;
  alternatives: string[];
  /** Always a float (§12): `1` in a file reads as 1.0. Not clamped. */
  confidence: number;
  code_section: string | null;
  spec_reference: string | null;
  metadata: KeptObject;
  parent_id: string | null;
  depends_on: string[];
  stage_id: string | null;
  experiment_id: string | null;
}

/** A chain; `events` order is meaningful (statistics and Mermaid edges follow it). */
export interface Chain {
  id: string;
  name: string | null;
  description: string | null;
  events: ChainEvent[];
  metadata: KeptObject;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** Derived on write (§2.4); an empty chain has `total_events` only. */
export type ChainStatistics =
  | { total_events: 0 }
  | {
      total_events: number;
      event_type_counts: Record<string, number>;
      avg_confidence: number;
      duration_seconds: number;
    };

/** One row of a storage listing (§3.1). */
export interface ChainFileSummary {
  id: string;
  name: string | null;
  description: string | null;
  event_count: number;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

// ---------------------------------------------------------------------------------------------
// Diff (§5): set matching on a key, as the reference does.

export type MatchBy = 'auto' | 'id' | 'content' | 'position';
/** A string key (id or content modes) or a 0-based list position. */
export type DiffKey = string | number;

export type FieldChange =
  | { field: 'alternatives'; old: string[]; new: string[] }
  | { field: 'confidence'; old: number; new: number }
  | { field: 'decision' | 'reasoning'; old: string | null; new: string | null }
  | { field: 'timestamp'; old: IsoTimestamp; new: IsoTimestamp };

export interface ModifiedEvent {
  key: DiffKey;
  /** In the order alternatives, confidence, decision, reasoning, timestamp. */
  changes: FieldChange[];
  before: ChainEvent;
  after: ChainEvent;
}

export interface DiffResult {
  /** The mode actually used (`auto` resolved to `id` or `content`). */
  matchBy: Exclude<MatchBy, 'auto'>;
  /** Each list in ascending key order. */
  added: ChainEvent[];
  removed: ChainEvent[];
  modified: ModifiedEvent[];
  confidenceDeltas: { key: DiffKey; delta: number }[];
  similarity: number;
  summary: string;
}

// ---------------------------------------------------------------------------------------------
// Aligned side-by-side model (ours, for the diff view).

export interface WordSegment {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

export type AlignmentRowKind = 'same' | 'modified' | 'added' | 'removed' | 'moved';

export interface AlignmentRow {
  kind: AlignmentRowKind;
  /** Index into chain A's events, or null on an added row / the arrival side of a move. */
  left: number | null;
  /** Index into chain B's events, or null on a removed row / the departure side of a move. */
  right: number | null;
  /** For `moved` rows: the row index holding the other side of the move. */
  partner: number | null;
  /** Text similarity of decision + reasoning (0..1); 1 for `same`. */
  similarity: number;
  /** Content fields that differ, for `modified` rows and moves (empty otherwise). */
  changedFields: string[];
  /** Word diffs of the changed text of a `modified` row (or an edited move, on its arrival row). */
  decisionDiff?: WordSegment[];
  reasoningDiff?: WordSegment[];
}

export interface Alignment {
  rows: AlignmentRow[];
  /** Row index of the first row that is not `same`, or null when the chains align completely. */
  firstDivergence: number | null;
  /** Row indices of every row that is not `same`, ascending. */
  changeIndices: number[];
  counts: Record<AlignmentRowKind, number>;
}
