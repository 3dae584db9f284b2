import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeChain } from '../../../../shared/chains/chainWriter.js';
import { readChain } from '../../../../shared/chains/chainReader.js';
import { createEvent } from '../../../../shared/chains/event.js';
import type { Chain } from '../../../../shared/model/chains.js';
import { asChainId } from '../../../../shared/model/ids.js';
import {
  deleteChain,
  getChain,
  insertChains,
  listChains,
  saveChain,
} from '../../../../electron/store/chainRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { chainB, golden, readCrucible, readOwn } from '../../../helpers/crucible.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
});
after(() => {
  ws.close();
  tmp.cleanup();
});

async function roundTrip(chain: Chain): Promise<Chain> {
  const key = await saveChain(ws, chain);
  const back = await getChain(ws, key);
  assert.ok(back);
  return back.chain;
}

test('golden chain: saved, read back and written equals the file byte for byte', async () => {
  const back = await roundTrip(golden());
  assert.deepEqual(back, golden());
  assert.equal(writeChain(back), readCrucible('chain_golden_deterministic.json'));
});

test('a 0.2 file and a training chain keep number kinds, timestamps digits and unknown types', async () => {
  for (const name of ['chain_v02_no_relationships.json', 'chain_training.json']) {
    const original = readChain(readOwn(name));
    const back = await roundTrip(original);
    assert.deepEqual(back, original, name);
    assert.equal(writeChain(back), writeChain(original), name);
  }
  const v02 = (await listChains(ws, { search: 'v02chain' })).rows[0]!;
  const chain = (await getChain(ws, v02.chain_id))!.chain;
  assert.deepEqual(chain.metadata.temperature, { $number: '0.0' });
  assert.equal(chain.metadata.max_tokens, 4096);
  assert.ok(chain.events.some((e) => e.type === 'stage_start'));
});

test('null name, decision and reasoning stay null (not "")', async () => {
  const chain: Chain = {
    ...golden(),
    id: 'nulls',
    name: null,
    events: [
      createEvent({
        id: 'n1',
        type: 'x_custom',
        decision: null,
        reasoning: '',
        timestamp: '2025-01-15T10:30:00.5Z',
      }),
    ],
  };
  const back = await roundTrip(chain);
  assert.equal(back.name, null);
  assert.equal(back.events[0]!.decision, null);
  assert.equal(back.events[0]!.reasoning, '');
  assert.equal(back.events[0]!.timestamp, '2025-01-15T10:30:00.5Z');
  assert.equal(writeChain(back), writeChain(chain));
});

test('two chains with one id get distinct keys; both come back with the file id', async () => {
  const keys = await ws.transaction((tx) => insertChains(tx, [chainB(), chainB()], null));
  const id = golden().id;
  // the golden chain (first test) already holds the bare id
  assert.deepEqual(keys, [`${id}~2`, `${id}~3`]);
  for (const k of keys) {
    const back = (await getChain(ws, k))!;
    assert.equal(back.chain.id, id);
    assert.equal(writeChain(back.chain), writeChain(chainB()));
  }
});

test('list: counts, types, mean confidence, experiments, search and type filter', async () => {
  const all = await listChains(ws);
  assert.equal(all.total, all.rows.length);
  const g = all.rows.find((r) => r.chain_id === golden().id)!;
  assert.equal(g.name, 'State Manager Implementation');
  assert.equal(g.event_count, 4);
  assert.deepEqual(g.event_types, [
    'alternative_rejected',
    'ambiguity_flagged',
    'constraint_evaluated',
    'hypothesis_formed',
  ]);
  assert.ok(Math.abs(g.mean_confidence! - 0.725) < 1e-12);
  assert.deepEqual(g.experiments, ['exp-001']);
  assert.equal(g.created_at, golden().created_at);
  assert.deepEqual(
    (await listChains(ws, { search: 'state MANAGER v2' })).rows.map((r) => r.name),
    ['State Manager v2', 'State Manager v2'],
  );
  assert.deepEqual(
    (await listChains(ws, { search: 'EXP-7' })).rows.map((r) => r.chain_id),
    ['train-chain'],
  );
  assert.deepEqual(
    (await listChains(ws, { event_type: 'stage_start' })).rows.map((r) => r.chain_id),
    ['v02chain'],
  );
  const page = await listChains(ws, { limit: 2, offset: 1 });
  assert.equal(page.rows.length, 2);
  assert.equal(page.total, all.total);
  assert.equal((await listChains(ws, { offset: 100 })).total, all.total);
  const empty = await listChains(ws, { search: 'nulls' });
  assert.equal(empty.rows[0]!.mean_confidence, 1);
});

test('delete removes the chain and its events only', async () => {
  const before = await listChains(ws);
  assert.equal(await deleteChain(ws, asChainId('nulls')), true);
  assert.equal(await deleteChain(ws, asChainId('nulls')), false);
  assert.equal(await getChain(ws, asChainId('nulls')), null);
  const [n] = await ws.all(`SELECT COUNT(*) AS n FROM chain_events WHERE chain_id = 'nulls'`);
  assert.equal(Number(n!.n), 0);
  assert.equal((await listChains(ws)).total, before.total - 1);
});

test('a chain of 10,000 events is saved in one append and read back equal', async () => {
  const base = golden();
  const events = Array.from({ length: 10_000 }, (_, i) =>
    createEvent({
      id: `big-${i}`,
      type: i % 7 === 0 ? 'epoch_completed' : 'hypothesis_formed',
      decision: `Decision ${i}`,
      reasoning: `Because ${i}`,
      confidence: (i % 100) / 100,
      timestamp: '2025-01-15T10:30:00.123456Z',
      metadata: i % 7 === 0 ? { epoch: i / 7, loss: { $number: '1.0' } } : {},
      parent_id: i > 0 ? `big-${i - 1}` : null,
    }),
  );
  const chain: Chain = { ...base, id: 'big', events };
  const t0 = performance.now();
  const key = await saveChain(ws, chain);
  const t1 = performance.now();
  const back = (await getChain(ws, key))!.chain;
  const t2 = performance.now();
  assert.equal(writeChain(back), writeChain(chain));
  console.log(`10,000 events: save ${(t1 - t0).toFixed(0)} ms, read ${(t2 - t1).toFixed(0)} ms`);
});
