/**
 * Where chain exports read chains from: ONE function, so it can be repointed at the chain
 * repository (`electron/store/chainRepository.ts` on the chains branch: `(await getChain(ws, key))?.chain`)
 * without touching the exporters. Until then it reads the `chains` / `chain_events` tables of
 * migration 001 itself (and `file_chain_id` when a later migration added it).
 */
import type { Chain, KeptObject } from '../../shared/model/chains.js';
import { parseKeptJson } from '../../shared/chains/keptJson.js';
import type { Row } from '../store/values.js';
import type { Workspace } from '../store/workspace.js';

const text = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));
const kept = (x: unknown): KeptObject =>
  x === null || x === undefined ? {} : (parseKeptJson(String(x)) as KeptObject);
const list = (x: unknown): string[] =>
  x === null || x === undefined ? [] : (JSON.parse(String(x)) as string[]);

function chainFromRows(c: Row, events: readonly Row[]): Chain {
  return {
    id: String(c.file_chain_id ?? c.chain_id),
    name: text(c.name),
    description: text(c.description),
    metadata: kept(c.metadata),
    created_at: String(c.created_at_text),
    updated_at: String(c.updated_at_text),
    events: events.map((r) => ({
      id: String(r.id),
      timestamp: String(r.timestamp_text),
      type: String(r.type),
      decision: text(r.decision),
      reasoning: text(r.reasoning),
      alternatives: list(r.alternatives),
      confidence: Number(r.confidence),
      code_section: text(r.code_section),
      spec_reference: text(r.spec_reference),
      metadata: kept(r.metadata),
      parent_id: text(r.parent_id),
      depends_on: list(r.depends_on),
      stage_id: text(r.stage_id),
      experiment_id: text(r.experiment_id),
    })),
  };
}

/** The workspace chain with this key, or null. */
export async function getChain(ws: Workspace, id: string): Promise<Chain | null> {
  const [c] = await ws.all(`SELECT * FROM chains WHERE chain_id = ?`, [id]);
  if (!c) return null;
  const events = await ws.all(`SELECT * FROM chain_events WHERE chain_id = ? ORDER BY position`, [id]);
  return chainFromRows(c, events);
}
