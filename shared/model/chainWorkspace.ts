/**
 * Chains as the workspace holds them (the DTOs of the `chains/*` calls). A workspace chain has its
 * own key (`ChainId`): two files may carry the same chain id (a chain and its "v2"), so the id
 * written in the file stays inside the `Chain` and the key names the row.
 */
import type { Alignment, Chain, DiffResult, IsoTimestamp, MatchBy } from './chains.js';
import type { ChainId, SessionId } from './ids.js';

/** One row of the chain list. */
export interface ChainListItem {
  chain_id: ChainId;
  /** The id inside the file (equal to `chain_id` unless another file already had it). */
  file_chain_id: string;
  name: string | null;
  description: string | null;
  event_count: number;
  /** Distinct event types, ascending. */
  event_types: string[];
  /** Mean confidence of the events; null for an empty chain. */
  mean_confidence: number | null;
  /** Distinct experiment ids of the events, ascending. */
  experiments: string[];
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
  /** The file it was imported from, or null (saved by the app). */
  source_path: string | null;
}

export interface ChainListArgs {
  /** Case-insensitive text in the name, description, ids or experiment ids. */
  search?: string;
  /** Only chains holding at least one event of this type. */
  event_type?: string;
  offset?: number;
  limit?: number;
}

export interface ChainPage {
  /** Every match, before offset / limit. */
  total: number;
  offset: number;
  rows: ChainListItem[];
}

/** A chain with the facts of its workspace row. Metadata keeps number kinds (`{ $number: "1.0" }`). */
export interface StoredChain {
  chain_id: ChainId;
  source_path: string | null;
  chain: Chain;
}

/** What one side of a comparison is: a workspace chain, or a session's decision sequence. */
export type ChainRef = { kind: 'chain'; id: ChainId } | { kind: 'session'; id: SessionId };

/** One side of a comparison as resolved: what it was asked as, a label, and the chain. */
export interface ResolvedChain {
  ref: ChainRef;
  label: string;
  chain: Chain;
}

export interface ChainDiffArgs {
  a: ChainRef;
  b: ChainRef;
  /** Default `auto` (id when the chains share an id, else content), as the reference does. */
  match_by?: MatchBy;
  /** Compare timestamps too (default false, as the reference). */
  compare_timestamps?: boolean;
  /** Also render the reference's HTML page. */
  html?: boolean;
}

export interface ChainDiff {
  a: { ref: ChainRef; label: string };
  b: { ref: ChainRef; label: string };
  result: DiffResult;
  /** The reference's `to_text` rendering of `result` (byte-exact). */
  text: string;
  /** The reference's `to_html` page, when asked for. */
  html?: string;
}

export interface ChainAlignment {
  a: ResolvedChain;
  b: ResolvedChain;
  alignment: Alignment;
}
