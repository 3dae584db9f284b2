/**
 * The chain stores against the real service over a temp workspace (the renderer's `api.call`
 * replaced by a direct call), plus a deferred fake to check that late answers are dropped.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CallKey } from '../../../../shared/ipc/contract.js';
import { asChainId, asSessionId } from '../../../../shared/model/ids.js';
import type { Api } from '../../../../renderer/src/api/types.js';
import type * as ListStore from '../../../../renderer/src/stores/chainListStore.js';
import type * as ViewStore from '../../../../renderer/src/stores/chainViewStore.js';
import type * as SideStore from '../../../../renderer/src/stores/chainSideStore.js';
import type * as DiffStore from '../../../../renderer/src/stores/chainDiffStore.js';
import { Service } from '../../../../electron/service.js';
import { callService } from '../../../../electron/serviceTypes.js';
import { insertChains } from '../../../../electron/store/chainRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { chainB, golden } from '../../../helpers/crucible.js';
import { tempDir } from '../../../helpers/paths.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const { createChainListStore } = (await import(rendererJs('stores/chainListStore.js'))) as typeof ListStore;
const { createChainViewStore } = (await import(rendererJs('stores/chainViewStore.js'))) as typeof ViewStore;
const { createChainSideStore } = (await import(rendererJs('stores/chainSideStore.js'))) as typeof SideStore;
const { createChainDiffStore } = (await import(rendererJs('stores/chainDiffStore.js'))) as typeof DiffStore;

const tmp = tempDir();
let service: Service;
let api: Pick<Api, 'call'>;
const G = asChainId(golden().id);
const B = asChainId(`${golden().id}~2`);

before(async () => {
  const ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  await ws.transaction((tx) => insertChains(tx, [golden(), chainB()], null));
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, depth)
    VALUES ('s1', 'MediaAgent', 'Recommend MP medium', '2026-01-13 16:05:12', 0)`);
  service = new Service(ws);
  api = { call: ((key: CallKey, args: never) => callService(service, key, args)) as Api['call'] };
});
after(async () => {
  await service.close();
  tmp.cleanup();
});

/** An api whose answers the test releases by hand, in any order. */
function deferredApi() {
  const pending: { key: string; args: unknown; resolve: (v: unknown) => void }[] = [];
  const fake = {
    call: ((key: string, args: unknown) =>
      new Promise((resolve) => pending.push({ key, args, resolve }))) as unknown as Api['call'],
  };
  return { fake, pending };
}

test('list store: search, and a late answer to an older search is dropped', async () => {
  const list = createChainListStore(api);
  await list.getState().load();
  assert.equal(list.getState().total, 2);
  list.getState().setSearch('v2');
  await list.getState().load(); // settles after the load setSearch started
  assert.deepEqual(
    list.getState().rows.map((r) => r.chain_id),
    [B],
  );

  const { fake, pending } = deferredApi();
  const slow = createChainListStore(fake);
  void slow.getState().load();
  slow.getState().setSearch('x');
  pending[1]!.resolve({ total: 1, offset: 0, rows: [{ chain_id: 'new' }] });
  pending[0]!.resolve({ total: 9, offset: 0, rows: [{ chain_id: 'old' }] });
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(slow.getState().total, 1);
});

test('view store: open, visible always equals the filter result, reset on another chain', async () => {
  const view = createChainViewStore(api);
  await view.getState().open(G);
  assert.equal(view.getState().chain!.chain.name, 'State Manager Implementation');
  assert.deepEqual(view.getState().visible, [0, 1, 2, 3]);
  view.getState().setFilter({ minConfidence: 0.6 });
  assert.deepEqual(view.getState().visible, [0, 1, 2]);
  const types = view.getState().filter.types;
  view.getState().toggleType('hypothesis_formed');
  assert.notEqual(view.getState().filter.types, types);
  assert.deepEqual(view.getState().visible, [0]);
  view.getState().select(3);
  assert.equal(view.getState().selected, 3);
  view.getState().select(99);
  assert.equal(view.getState().selected, null);
  await view.getState().open(B);
  assert.equal(view.getState().filter.minConfidence, 0);
  assert.deepEqual(view.getState().visible, [0, 1, 2, 3]);
  await view.getState().open(asChainId('missing'));
  assert.match(view.getState().error!, /not in this workspace/);
});

test('view store: the answer for a chain no longer asked for is dropped', async () => {
  const { fake, pending } = deferredApi();
  const view = createChainViewStore(fake);
  void view.getState().open(G);
  void view.getState().open(B);
  pending[1]!.resolve({ chain_id: B, source_path: null, chain: chainB() });
  pending[0]!.resolve({ chain_id: G, source_path: null, chain: golden() });
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(view.getState().chainId, B);
  assert.equal(view.getState().chain!.chain.name, 'State Manager v2');
});

test('side store: two independent instances; switching mode clears the choice', async () => {
  const left = createChainSideStore(api, { kind: 'chain', id: G });
  const right = createChainSideStore(api);
  await left.getState().search();
  await right.getState().search();
  assert.equal(left.getState().options.length, 2);
  right.getState().setMode('session');
  await right.getState().search();
  assert.deepEqual(
    right.getState().options.map((o) => o.ref),
    [{ kind: 'session', id: 's1' }],
  );
  assert.equal(right.getState().ref, null);
  assert.equal(left.getState().mode, 'chain');
  assert.deepEqual(left.getState().ref, { kind: 'chain', id: G });
  const kept = left.getState().ref;
  left.getState().choose({ kind: 'chain', id: G });
  assert.equal(left.getState().ref, kept);
  right.getState().choose({ kind: 'chain', id: B });
  assert.equal(right.getState().mode, 'chain');
});

test('diff store: compare, cursor at the first divergence, n / p, changes only, match mode', async () => {
  const diff = createChainDiffStore(api);
  await diff.getState().compare({ kind: 'chain', id: G }, { kind: 'chain', id: B });
  const s = diff.getState();
  assert.equal(s.diff!.result.matchBy, 'id');
  assert.equal(s.diff!.result.summary, '1 added, 1 removed, 2 modified');
  const changes = s.aligned!.alignment.changeIndices;
  assert.equal(s.cursor, s.aligned!.alignment.firstDivergence);
  assert.equal(s.visible.length, s.aligned!.alignment.rows.length);
  diff.getState().step(1);
  assert.equal(diff.getState().cursor, changes[1]);
  diff.getState().step(-1);
  assert.equal(diff.getState().cursor, changes[0]);
  diff.getState().setChangesOnly(true);
  assert.deepEqual(diff.getState().visible, changes);
  const aligned = diff.getState().aligned;
  await diff.getState().setMatchBy('position');
  assert.equal(diff.getState().diff!.result.matchBy, 'position');
  assert.equal(diff.getState().aligned, aligned); // same pair: the alignment is reused
  await diff.getState().compare({ kind: 'chain', id: G }, { kind: 'session', id: asSessionId('nope') });
  assert.match(diff.getState().error!, /Session nope not found/);
});
