/**
 * The timeline's three ways to a window (top-N before the ordering is built, the one-session
 * top-N, the materialised ordering) give the rows of the original LIST-keyed sort, with children,
 * collapse, ties in time and in sequence number; appends show after `invalidate`; critical-path
 * flags match `criticalPath`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { asSessionId, type SessionId } from '../../../../shared/model/ids.js';
import type { TimelineRow } from '../../../../shared/model/timeline.js';
import { criticalPath } from '../../../../shared/sessions/criticalPath.js';
import { rebuildSessionDerived } from '../../../../electron/store/sessionDerived.js';
import { TimelineRepository } from '../../../../electron/store/timelineRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { rng } from '../../shared/tasks/generatedGraph.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

// root > a (> a1, a2), b, c; solo has no children. Times in whole seconds make ties common.
const SESSIONS: [id: string, parent: string | null, startS: number, endS: number][] = [
  ['root', null, 0, 100],
  ['a', 'root', 10, 60],
  ['a1', 'a', 20, 30],
  ['a2', 'a', 20, 40],
  ['b', 'root', 10, 50],
  ['c', 'root', 70, 90],
  ['solo', null, 0, 100],
];

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'order.duckdb'));
  const r = rng(42);
  for (const [id, parent, s, e] of SESSIONS) {
    await ws.exec(
      `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, success, parent_session_id, depth)
       VALUES (?, 'Agent', 'q', ?, ?, true, ?, 0)`,
      [id, iso(T0 + s * 1000), iso(T0 + e * 1000), parent],
    );
    const values: string[] = [];
    for (let i = 0; i < 60; i++) {
      const at = s + Math.floor(r() * (e - s + 1));
      const seq = Math.floor(r() * 20);
      const dur = Math.floor(r() * 5000);
      const type = ['tool_call', 'decision', 'log', 'event'][Math.floor(r() * 4)]!;
      values.push(
        `('${id}-${String(i).padStart(2, '0')}-${Math.floor(r() * 1000)}', '${id}', '${type}', 'n${i}', '${iso(T0 + at * 1000)}', ${seq}, '{"duration_ms": ${dur}, "cache_hit": ${r() < 0.5}}', NULL, NULL)`,
      );
    }
    await ws.exec(`INSERT INTO provenance_events VALUES ${values.join(',')}`);
  }
  // Raw inserts: the derived per-session counts the stores keep on every write are made here.
  await ws.transaction((tx) => rebuildSessionDerived(tx.connection));
});
after(() => {
  ws.close();
  tmp.cleanup();
});

/**
 * The ordering as the repository first computed it: one LIST key per row, sorted (with the
 * session id added to settle equal header keys, which that sort left to chance).
 */
async function reference(root: string, collapsed: readonly string[]): Promise<string[]> {
  const list = `[${collapsed.map((c) => `'${c}'`).join(', ')}]::VARCHAR[]`;
  const rows = await ws.all(
    `WITH RECURSIVE tree AS (
       SELECT session_id, 0 AS depth, []::VARCHAR[] AS chain, []::BIGINT[] AS path
       FROM provenance_sessions WHERE session_id = ?
       UNION ALL
       SELECT s.session_id, t.depth + 1, list_append(t.chain, s.session_id), list_concat(t.path, [epoch_us(s.start_time), -1])
       FROM provenance_sessions s JOIN tree t ON s.parent_session_id = t.session_id
     ),
     rows AS (
       SELECT t.path AS k, t.session_id, NULL::VARCHAR AS event_id FROM tree t
       WHERE ${collapsed.length ? `NOT list_has_any(list_slice(t.chain, 1, len(t.chain) - 1), ${list})` : 'TRUE'}
       UNION ALL
       SELECT list_concat(t.path, [epoch_us(e.timestamp), e.sequence_number]), e.session_id, e.event_id
       FROM provenance_events e JOIN tree t ON e.session_id = t.session_id
       WHERE ${collapsed.length ? `NOT list_has_any(t.chain, ${list})` : 'TRUE'}
     )
     SELECT COALESCE(event_id, '[' || session_id || ']') AS id FROM rows ORDER BY k, event_id NULLS FIRST, session_id`,
    [root],
  );
  return rows.map((r) => String(r.id));
}

const label = (r: TimelineRow) => r.event_id ?? `[${r.session_id}]`;

/** Every row of the ordering, read in windows of `size`. */
async function readAll(
  repo: TimelineRepository,
  root: string,
  collapsed: SessionId[],
  size: number,
): Promise<{ ids: string[]; totals: number[]; indexes: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  const indexes: number[] = [];
  for (let offset = 0; ; offset += size) {
    const w = await repo.window({ session_id: asSessionId(root), offset, limit: size, collapsed });
    totals.push(w.total_rows);
    ids.push(...w.rows.map(label));
    indexes.push(...w.rows.map((r) => r.index));
    if (offset + size >= w.total_rows) break;
  }
  return { ids, totals, indexes };
}

for (const [name, directRows] of [
  ['before the ordering is built (top-N)', 1_000_000],
  ['from the materialised ordering', 0],
] as const) {
  test(`windows ${name} follow the original ordering, with and without collapse`, async () => {
    for (const [root, collapsed] of [
      ['root', []],
      ['root', ['a']],
      ['root', ['a1', 'c']],
      ['root', ['root']],
      ['a', []],
      ['solo', []],
      ['solo', ['solo']],
    ] as [string, string[]][]) {
      const repo = new TimelineRepository(ws, { directRows });
      const expected = await reference(root, collapsed);
      for (const size of [7, 200]) {
        const got = await readAll(repo, root, collapsed.map(asSessionId), size);
        assert.deepEqual(
          got.ids,
          expected,
          `${root} collapsed [${collapsed.join(', ')}], windows of ${size}`,
        );
        assert.deepEqual(got.indexes, [...expected.keys()]);
        assert.ok(got.totals.every((t) => t === expected.length));
      }
    }
  });
}

test('an empty window still reports the total, and a missing session has no rows', async () => {
  const repo = new TimelineRepository(ws);
  const w = await repo.window({ session_id: asSessionId('solo'), offset: 0, limit: 0 });
  assert.deepEqual([w.total_rows, w.rows.length], [61, 0]);
  const missing = await repo.window({ session_id: asSessionId('nope'), offset: 0, limit: 10 });
  assert.deepEqual([missing.total_rows, missing.rows.length], [0, 0]);
});

test('rows written after windows were served show once the repository is invalidated', async () => {
  for (const directRows of [1_000_000, 0]) {
    const repo = new TimelineRepository(ws, { directRows });
    const before = await readAll(repo, 'root', [], 50);
    const id = `late-${directRows}`;
    await ws.exec(`INSERT INTO provenance_events VALUES (?, 'b', 'log', 'late', ?, 0, '{}', NULL, NULL)`, [
      id,
      iso(T0 + 15_000),
    ]);
    await ws.transaction((tx) => rebuildSessionDerived(tx.connection));
    repo.invalidate();
    const afterRows = await readAll(repo, 'root', [], 50);
    assert.equal(afterRows.ids.length, before.ids.length + 1);
    assert.ok(afterRows.totals.every((t) => t === before.ids.length + 1));
    assert.deepEqual(afterRows.ids, await reference('root', []));
    assert.ok(afterRows.ids.includes(id));
    const o = (await repo.overview(asSessionId('root')))!;
    assert.equal(o.total_rows, afterRows.ids.length);
    await ws.exec(`DELETE FROM provenance_events WHERE event_id = ?`, [id]);
    await ws.transaction((tx) => rebuildSessionDerived(tx.connection));
    repo.invalidate();
    assert.deepEqual((await readAll(repo, 'root', [], 50)).ids, before.ids);
  }
});

test('once the overview is in, windows flag the critical path that criticalPath computes', async () => {
  const repo = new TimelineRepository(ws, { directRows: 0 });
  const o = (await repo.overview(asSessionId('root')))!;
  const items = await ws.all(
    `SELECT event_id, (epoch_ms(timestamp) - ?) AS s, CAST(json_extract_string(details, '$.duration_ms') AS DOUBLE) AS d
     FROM provenance_events WHERE session_id IN ('root', 'a', 'a1', 'a2', 'b', 'c') AND event_name <> 'agent_end'
     ORDER BY event_id`,
    [T0],
  );
  const path = criticalPath(
    items.map((r) => ({ id: String(r.event_id), start: Number(r.s), end: Number(r.s) + Number(r.d) })),
  );
  assert.deepEqual(o.critical_path, path);
  const w = await repo.window({ session_id: asSessionId('root'), offset: 0, limit: 2000 });
  assert.equal(w.critical_path_ready, true);
  assert.deepEqual(
    w.rows.filter((r) => r.on_critical_path).map((r) => r.event_id),
    w.rows.filter((r) => r.event_id !== null && path.includes(r.event_id)).map((r) => r.event_id),
  );
  assert.ok(path.length > 1);
  assert.equal(w.span_ms, o.span_ms);
});
