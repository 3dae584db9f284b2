/**
 * Workspace chains: save (bulk, through the Appender), list with search, read back as the `Chain`
 * DTO, delete. A chain read back and written with `writeChain` gives the bytes of the file it came
 * from. Each chain gets a workspace key: its own id when free, else `<id>~2`, `<id>~3`, ...
 */
import type { Chain } from '../../shared/model/chains.js';
import type {
  ChainListArgs,
  ChainListItem,
  ChainPage,
  StoredChain,
} from '../../shared/model/chainWorkspace.js';
import { asChainId, type ChainId } from '../../shared/model/ids.js';
import { appendChainRows, chainFromRows } from './chainRows.js';
import { int, type Row } from './values.js';
import type { Transaction, Workspace } from './workspace.js';

/** Picks a key per chain: the chain's id when no other workspace chain holds it. */
async function chooseKeys(tx: Transaction, chains: readonly Chain[]): Promise<string[]> {
  const taken = new Set<string>();
  const keys: string[] = [];
  for (const c of chains) {
    const rows = await tx.all(
      `SELECT chain_id FROM chains WHERE chain_id = ? OR starts_with(chain_id, ? || '~')`,
      [c.id, c.id],
    );
    for (const r of rows) taken.add(String(r.chain_id));
    let key = c.id;
    for (let n = 2; taken.has(key); n++) key = `${c.id}~${n}`;
    taken.add(key);
    keys.push(key);
  }
  return keys;
}

/** Inserts chains inside the caller's transaction; returns their workspace keys. */
export async function insertChains(
  tx: Transaction,
  chains: readonly Chain[],
  sourceId: number | null,
): Promise<ChainId[]> {
  const keys = await chooseKeys(tx, chains);
  await appendChainRows(
    tx.connection,
    chains.map((chain, i) => ({ key: keys[i]!, chain })),
    sourceId,
  );
  return keys.map(asChainId);
}

/** Deletes the chains a source wrote (before it writes its new content). Returns how many. */
export async function deleteSourceChains(tx: Transaction, sourceId: number): Promise<number> {
  const old = await tx.all(`SELECT chain_id FROM chains WHERE source_id = ?`, [sourceId]);
  if (!old.length) return 0;
  await tx.exec(
    `DELETE FROM chain_events WHERE chain_id IN (SELECT chain_id FROM chains WHERE source_id = ?)`,
    [sourceId],
  );
  await tx.exec(`DELETE FROM chains WHERE source_id = ?`, [sourceId]);
  return old.length;
}

/** Saves one chain made in the app (no source file), in one transaction. */
export async function saveChain(ws: Workspace, chain: Chain): Promise<ChainId> {
  const [key] = await ws.transaction((tx) => insertChains(tx, [chain], null));
  return key!;
}

/** Deletes one chain and its events; false when there is no such chain. */
export async function deleteChain(ws: Workspace, key: ChainId): Promise<boolean> {
  return ws.transaction(async (tx) => {
    const found = await tx.all(`SELECT 1 FROM chains WHERE chain_id = ?`, [key]);
    if (!found.length) return false;
    await tx.exec(`DELETE FROM chain_events WHERE chain_id = ?`, [key]);
    await tx.exec(`DELETE FROM chains WHERE chain_id = ?`, [key]);
    return true;
  });
}

export async function getChain(ws: Workspace, key: ChainId): Promise<StoredChain | null> {
  const [c] = await ws.all(
    `SELECT c.*, s.path AS source_path FROM chains c LEFT JOIN provex_sources s USING (source_id)
     WHERE c.chain_id = ?`,
    [key],
  );
  if (!c) return null;
  const events = await ws.all(`SELECT * FROM chain_events WHERE chain_id = ? ORDER BY position`, [key]);
  return {
    chain_id: asChainId(String(c.chain_id)),
    source_path: c.source_path === null ? null : String(c.source_path),
    chain: chainFromRows(c, events),
  };
}

const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : []);

function listItem(r: Row): ChainListItem {
  return {
    chain_id: asChainId(String(r.chain_id)),
    file_chain_id: String(r.file_chain_id ?? r.chain_id),
    name: r.name === null ? null : String(r.name),
    description: r.description === null ? null : String(r.description),
    event_count: int(r.event_count),
    event_types: list(r.event_types),
    mean_confidence: r.mean_confidence === null ? null : Number(r.mean_confidence),
    experiments: list(r.experiments),
    created_at: String(r.created_at_text),
    updated_at: String(r.updated_at_text),
    source_path: r.source_path === null ? null : String(r.source_path),
  };
}

/** Chains matching the search, newest first; `total` counts every match. */
export async function listChains(ws: Workspace, args: ChainListArgs = {}): Promise<ChainPage> {
  const where: string[] = [];
  const params: string[] = [];
  if (args.search) {
    where.push(`(contains(lower(coalesce(c.name, '')), lower(?)) OR contains(lower(coalesce(c.description, '')), lower(?))
      OR contains(lower(c.chain_id), lower(?)) OR contains(lower(coalesce(c.file_chain_id, '')), lower(?))
      OR list_contains(list_transform(a.experiments, x -> contains(lower(x), lower(?))), true))`);
    params.push(args.search, args.search, args.search, args.search, args.search);
  }
  if (args.event_type) {
    where.push(`list_contains(a.event_types, ?)`);
    params.push(args.event_type);
  }
  const offset = args.offset ?? 0;
  const limit = args.limit ?? 1000;
  const rows = await ws.all(
    `WITH a AS (
       SELECT chain_id, COUNT(*) AS event_count, AVG(confidence) AS mean_confidence,
         list_sort(list_distinct(list(type))) AS event_types,
         list_sort(list_distinct(list(experiment_id))) AS experiments
       FROM chain_events GROUP BY chain_id)
     SELECT c.chain_id, c.file_chain_id, c.name, c.description, c.created_at_text, c.updated_at_text,
       s.path AS source_path, coalesce(a.event_count, 0) AS event_count, a.mean_confidence,
       coalesce(a.event_types, []) AS event_types, coalesce(a.experiments, []) AS experiments,
       COUNT(*) OVER () AS total
     FROM chains c LEFT JOIN a USING (chain_id) LEFT JOIN provex_sources s ON s.source_id = c.source_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.created_at DESC, c.chain_id
     LIMIT ${int(limit)} OFFSET ${int(offset)}`,
    params,
  );
  const total = rows[0] ? int(rows[0].total) : offset > 0 ? await countMatches(ws, args) : 0;
  return { total, offset, rows: rows.map(listItem) };
}

/** The total when the page is past the last match (the window count then has no row to ride on). */
async function countMatches(ws: Workspace, args: ChainListArgs): Promise<number> {
  const all = await listChains(ws, { ...args, offset: 0, limit: 1_000_000 });
  return all.rows.length;
}
