/**
 * Puts a chain into a workspace's `chains` / `chain_events` tables (migration 001 columns) for
 * export tests, until chain import lands in this tree. Row by row: test chains are tiny.
 */
import type { Chain } from '../../shared/model/chains.js';
import { writeKeptJson } from '../../shared/chains/keptJson.js';
import type { Workspace } from '../../electron/store/workspace.js';

const naive = (iso: string): string => iso.replace(/Z$/, '');

export async function insertChain(ws: Workspace, key: string, chain: Chain): Promise<void> {
  await ws.transaction(async (tx) => {
    await tx.exec(
      `INSERT INTO chains (chain_id, name, description, metadata, created_at_text, updated_at_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))`,
      [
        key,
        chain.name ?? '',
        chain.description,
        writeKeptJson(chain.metadata),
        chain.created_at,
        chain.updated_at,
        naive(chain.created_at),
        naive(chain.updated_at),
      ],
    );
    for (const [i, e] of chain.events.entries()) {
      await tx.exec(
        `INSERT INTO chain_events VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          key,
          i,
          e.id,
          e.timestamp,
          naive(e.timestamp),
          e.type,
          e.decision ?? '',
          e.reasoning ?? '',
          JSON.stringify(e.alternatives),
          e.confidence,
          e.code_section,
          e.spec_reference,
          writeKeptJson(e.metadata),
          e.parent_id,
          JSON.stringify(e.depends_on),
          e.stage_id,
          e.experiment_id,
        ],
      );
    }
  });
}
