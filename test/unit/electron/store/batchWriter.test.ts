import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { Workspace } from '../../../../electron/store/workspace.js';
import { BatchPlanner, writeNewFragments, type BatchItem } from '../../../../electron/store/batchWriter.js';
import { writeFragment } from '../../../../electron/store/sessionWriter.js';
import { asEventId, asSessionId } from '../../../../shared/model/ids.js';
import {
  emptyFragment,
  type EventRecord,
  type SourceFragment,
} from '../../../../shared/model/provenanceRecords.js';
import { tempDir } from '../../../helpers/paths.js';
import { sessionRecord } from '../../../helpers/records.js';
import { workspaceRows } from '../../../helpers/workspaceRows.js';

const tmp = tempDir();
after(tmp.cleanup);

const session = sessionRecord;
const event = (id: string, sid: string, n: number): EventRecord => ({
  event_id: asEventId(id),
  session_id: asSessionId(sid),
  event_type: 'log',
  event_name: 'log_info',
  timestamp: `2026-01-01 00:00:0${n}`,
  sequence_number: n,
  details: { message: id },
  duration_ms: null,
  related_event_id: null,
});

/** A manifest-like weak fragment: a session (child of `parent`, maybe given as context), two events, a link, its info. */
function folder(id: string, parent: string | null = null, context = false): SourceFragment {
  const f = emptyFragment(false);
  if (parent && context) f.contextSessions.push(session(parent));
  f.sessions.push(session(id, { parent_session_id: parent ? asSessionId(parent) : null }));
  f.events.push(event(`${id}-e1`, id, 1), event(`${id}-e2`, id, 2));
  f.entityLinks.push({
    session_id: asSessionId(id),
    event_id: asEventId(`${id}-e2`),
    entity_table: 'media',
    entity_id: 'MP',
    link_type: 'used',
    timestamp: '2026-01-01 00:00:02',
  });
  f.sessionInfo.push({ session_id: asSessionId(id), folder: id, flavour: 'generated', summary_md: null });
  return f;
}

test('a batch of new sources writes exactly what writing them one by one writes', async () => {
  const items: BatchItem[] = ['s1', 's2', 's3'].map((id, i) => ({
    src: { kind: 'manifest-yaml', path: `/p/${id}/manifest.yaml`, hash: `h${i}`, size: 10, projectId: null },
    // s2 is a child of s1 (staged in the same batch); s3 names a parent that is nowhere.
    frag: folder(id, id === 's2' ? 's1' : id === 's3' ? 'gone' : null),
  }));
  const planner = new BatchPlanner();
  assert.ok(items.every((it) => planner.tryAdd(it.frag)));
  const one = await Workspace.open(join(tmp.dir, 'one.duckdb'));
  const batch = await Workspace.open(join(tmp.dir, 'batch.duckdb'));
  const singles = [];
  for (const it of items) singles.push(await writeFragment(one, it.src, it.frag));
  const batched = await writeNewFragments(batch, items, null);
  assert.deepEqual(batched, singles);
  assert.deepEqual(await workspaceRows(batch), await workspaceRows(one));
  const [row] = await batch.all(`SELECT parent_session_id FROM provenance_sessions WHERE session_id = 's2'`);
  assert.equal(row?.parent_session_id, 's1');
  one.close();
  batch.close();
});

test('children carrying their parent as context share a batch and write what one by one writes', async () => {
  // The child comes first: its context inserts the parent, which the parent's own source then merges.
  const frags = [folder('kid', 'mum', true), folder('mum'), folder('kid2', 'mum', true)];
  const items: BatchItem[] = frags.map((frag, i) => ({
    src: { kind: 'manifest-yaml', path: `/p/${i}/manifest.yaml`, hash: `h${i}`, size: 10, projectId: null },
    frag,
  }));
  const planner = new BatchPlanner();
  assert.ok(items.every((it) => planner.tryAdd(it.frag)));
  const one = await Workspace.open(join(tmp.dir, 'one-ctx.duckdb'));
  const batch = await Workspace.open(join(tmp.dir, 'batch-ctx.duckdb'));
  const singles = [];
  for (const it of items) singles.push(await writeFragment(one, it.src, it.frag));
  assert.deepEqual(await writeNewFragments(batch, items, null), singles);
  assert.deepEqual(await workspaceRows(batch), await workspaceRows(one));
  one.close();
  batch.close();
});

test('the planner keeps sources that share a key, or bring a parent named earlier, out of a batch', () => {
  const p = new BatchPlanner();
  assert.equal(p.tryAdd(folder('a')), true);
  assert.equal(p.tryAdd(folder('b', 'a')), true, 'a parent written earlier in the batch is fine');
  assert.equal(p.tryAdd(folder('a')), false, 'the same session twice');
  assert.equal(p.tryAdd(folder('c', 'a', true)), true, 'a session of the batch as context, same record');
  const other = folder('d', 'a', true);
  other.contextSessions[0] = session('a', { query: 'another query' });
  assert.equal(p.tryAdd(other), false, 'a session of the batch as context, with another record');
  const q = new BatchPlanner();
  assert.equal(q.tryAdd(folder('child', 'later')), true);
  assert.equal(q.tryAdd(folder('later')), false, 'the parent of an earlier source');
  const r = new BatchPlanner();
  assert.equal(r.tryAdd(folder('x')), true);
  assert.equal(r.tryAdd({ ...folder('y'), strong: true }), false, 'strong and weak sources');
  assert.equal(r.size, 1);
});
