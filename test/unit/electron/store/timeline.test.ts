import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { asEventId, asSessionId } from '../../../../shared/model/ids.js';
import { rebuildSessionDerived } from '../../../../electron/store/sessionDerived.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { TimelineRepository } from '../../../../electron/store/timelineRepository.js';
import { timelineItem } from '../../../../electron/store/timelineItem.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
const root = asSessionId('root');

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'tl.duckdb'));
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, duration_ms, success, parent_session_id, depth) VALUES
    ('root', 'MediaFormulationAgent', 'q', '2026-01-01 00:00:00', '2026-01-01 00:00:10', 10000, true, NULL, 0)`);
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, duration_ms, success, parent_session_id, depth) VALUES
    ('child', 'PathwayAnalysisAgent', 'q2', '2026-01-01 00:00:02', '2026-01-01 00:00:06', 4000, true, 'root', 1)`);
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, duration_ms, success, parent_session_id, depth) VALUES
    ('grand', 'SQLAgent', 'q3', '2026-01-01 00:00:03', '2026-01-01 00:00:04', 1000, false, 'child', 2)`);
  await ws.exec(`INSERT INTO provenance_events VALUES
    ('r1', 'root', 'lifecycle', 'agent_start', '2026-01-01 00:00:00', 1, '{}', NULL, NULL),
    ('r2', 'root', 'tool_call', 'database.duckdb_query', '2026-01-01 00:00:01', 2, '{"call_id": "c1", "cache_hit": true, "duration_ms": 900}', NULL, NULL),
    ('r3', 'root', 'decision', 'route', '2026-01-01 00:00:07', 3, '{"branch_taken": "x"}', NULL, NULL),
    ('r4', 'root', 'lifecycle', 'agent_end', '2026-01-01 00:00:10', 4, '{"success": true, "duration_ms": 10000}', NULL, 'r1'),
    ('c1', 'child', 'lifecycle', 'agent_start', '2026-01-01 00:00:02', 1, '{}', NULL, NULL),
    ('c2', 'child', 'transformation', 'aggregate', '2026-01-01 00:00:05', 2, '{"method": "groupby", "duration_ms": 500}', NULL, NULL),
    ('g1', 'grand', 'log', 'log_error', '2026-01-01 00:00:03.5', 1, '{"message": "boom"}', NULL, NULL)`);
  await ws.exec(`INSERT INTO provenance_entity_links VALUES
    (1, 'root', 'r3', 'media', 'MP', 'derived_from', '2026-01-01 00:00:07'),
    (2, 'grand', NULL, 'media', 'MP', 'used', '2026-01-01 00:00:03')`);
  // Raw inserts bypass the writers that keep the per-session derived rows.
  await ws.transaction((tx) => rebuildSessionDerived(tx.connection));
});
after(() => {
  ws.close();
  tmp.cleanup();
});

test('overview lists the lanes of the session tree with times relative to the root start', async () => {
  const repo = new TimelineRepository(ws);
  const o = (await repo.overview(root))!;
  assert.deepEqual(
    o.lanes.map((l) => [l.session_id, l.depth, l.start_ms, l.end_ms, l.event_count]),
    [
      ['root', 0, 0, 10000, 4],
      ['child', 1, 2000, 6000, 2],
      ['grand', 2, 3000, 4000, 1],
    ],
  );
  assert.equal(o.total_rows, 3 + 7);
  assert.equal(o.span_ms, 10000);
  assert.equal(
    o.density.reduce((a, b) => a + b, 0),
    7,
  );
  assert.equal(o.origin, '2026-01-01T00:00:00.000Z');
  assert.equal(await repo.overview(asSessionId('missing')), null);
});

test('rows nest each child under its header at the moment it starts', async () => {
  const repo = new TimelineRepository(ws);
  const w = await repo.window({ session_id: root, offset: 0, limit: 100 });
  assert.equal(w.total_rows, 10);
  assert.deepEqual(
    w.rows.map((r) => r.event_id ?? `[${r.session_id}]`),
    ['[root]', 'r1', 'r2', '[child]', 'c1', '[grand]', 'g1', 'c2', 'r3', 'r4'],
  );
  assert.deepEqual(
    w.rows.map((r) => r.index),
    [...Array(10).keys()],
  );
  const r2 = w.rows[2]!;
  assert.equal(r2.kind, 'tool_call');
  assert.equal(r2.start_ms, 1000);
  assert.equal(r2.duration_ms, 900);
  assert.equal(r2.cache_hit, true);
  assert.equal(w.rows[5]!.kind, 'session');
  assert.equal(w.rows[5]!.success, false);
  assert.equal(w.rows[3]!.has_children, true);
});

test('windows page through the rows and collapsed children keep only their header', async () => {
  const repo = new TimelineRepository(ws);
  const page = await repo.window({ session_id: root, offset: 4, limit: 3 });
  assert.deepEqual(
    page.rows.map((r) => r.index),
    [4, 5, 6],
  );
  const collapsed = await repo.window({
    session_id: root,
    offset: 0,
    limit: 100,
    collapsed: [asSessionId('child')],
  });
  assert.deepEqual(
    collapsed.rows.map((r) => r.event_id ?? `[${r.session_id}]`),
    ['[root]', 'r1', 'r2', '[child]', 'r3', 'r4'],
  );
  assert.equal(collapsed.total_rows, 6);
});

test('an item shows its details and the other sessions touching the same entity', async () => {
  const item = (await timelineItem(ws, asEventId('r3')))!;
  assert.equal(item.event_name, 'route');
  assert.deepEqual(item.details, { branch_taken: 'x' });
  assert.deepEqual(item.entity_links, [
    { entity_table: 'media', entity_id: 'MP', link_type: 'derived_from', other_sessions: ['grand'] },
  ]);
  assert.equal(await timelineItem(ws, asEventId('nope')), null);
});
