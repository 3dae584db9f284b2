/**
 * Chain <-> the rows of `chains` and `chain_events`. Timestamps keep their text (the digit count is
 * part of the value, §1.3) beside a TIMESTAMP copy for filters and sorting; metadata is written with
 * the kept-JSON writer, so `1.0` stays a float and `42` an integer when read back. Writes go through
 * the Appender: a chain of 10,000 events is one append, not 10,000 statements.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Chain, ChainEvent, KeptObject } from '../../shared/model/chains.js';
import { parseKeptJson, writeKeptJson } from '../../shared/chains/keptJson.js';
import type { Row } from './values.js';
import { withAppender } from './appender.js';

/** A cell and how the Appender must take it (the Appender does not convert JS numbers itself). */
type Cell = { v: string | null } | { i: number } | { d: number };

const v = (x: string | null): Cell => ({ v: x });

/** DuckDB's TIMESTAMP takes the ISO text without its `Z` (all chain timestamps are UTC). */
const naive = (iso: string): string => iso.replace(/Z$/, '');

async function append(conn: DuckDBConnection, table: string, rows: Iterable<Cell[]>): Promise<void> {
  await withAppender(conn, table, (appender) => {
    for (const row of rows) {
      for (const c of row) {
        if ('i' in c) appender.appendInteger(c.i);
        else if ('d' in c) appender.appendDouble(c.d);
        else if (c.v === null) appender.appendNull();
        else appender.appendVarchar(c.v);
      }
      appender.endRow();
    }
  });
}

function eventCells(key: string, position: number, e: ChainEvent): Cell[] {
  return [
    v(key),
    { i: position },
    v(e.id),
    v(e.timestamp),
    v(naive(e.timestamp)),
    v(e.type),
    v(e.decision),
    v(e.reasoning),
    v(JSON.stringify(e.alternatives)),
    { d: e.confidence },
    v(e.code_section),
    v(e.spec_reference),
    v(writeKeptJson(e.metadata)),
    v(e.parent_id),
    v(JSON.stringify(e.depends_on)),
    v(e.stage_id),
    v(e.experiment_id),
  ];
}

/** Appends chains under the given workspace keys (the caller holds the transaction). */
export async function appendChainRows(
  conn: DuckDBConnection,
  items: readonly { key: string; chain: Chain }[],
  sourceId: number | null,
): Promise<void> {
  // Column order of `chains`: 001 columns, then file_chain_id (002).
  await append(
    conn,
    'chains',
    items.map(({ key, chain: c }) => [
      v(key),
      v(c.name),
      v(c.description),
      v(writeKeptJson(c.metadata)),
      v(c.created_at),
      v(c.updated_at),
      v(naive(c.created_at)),
      v(naive(c.updated_at)),
      sourceId === null ? v(null) : { i: sourceId },
      v(c.id),
    ]),
  );
  await append(
    conn,
    'chain_events',
    (function* () {
      for (const { key, chain } of items) {
        for (let i = 0; i < chain.events.length; i++) yield eventCells(key, i, chain.events[i]!);
      }
    })(),
  );
}

const text = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));

function keptObject(x: unknown): KeptObject {
  if (x === null || x === undefined) return {};
  return parseKeptJson(String(x)) as KeptObject;
}

function stringList(x: unknown): string[] {
  if (x === null || x === undefined) return [];
  return JSON.parse(String(x)) as string[];
}

export function eventFromRow(r: Row): ChainEvent {
  return {
    id: String(r.id),
    timestamp: String(r.timestamp_text),
    type: String(r.type),
    decision: text(r.decision),
    reasoning: text(r.reasoning),
    alternatives: stringList(r.alternatives),
    confidence: Number(r.confidence),
    code_section: text(r.code_section),
    spec_reference: text(r.spec_reference),
    metadata: keptObject(r.metadata),
    parent_id: text(r.parent_id),
    depends_on: stringList(r.depends_on),
    stage_id: text(r.stage_id),
    experiment_id: text(r.experiment_id),
  };
}

export function chainFromRows(c: Row, events: readonly Row[]): Chain {
  return {
    id: String(c.file_chain_id ?? c.chain_id),
    name: text(c.name),
    description: text(c.description),
    events: events.map(eventFromRow),
    metadata: keptObject(c.metadata),
    created_at: String(c.created_at_text),
    updated_at: String(c.updated_at_text),
  };
}
