import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { Workspace } from '../../../../electron/store/workspace.js';
import {
  removeUnclaimedSessions,
  writeFragment,
  type SourceRef,
} from '../../../../electron/store/sessionWriter.js';
import { asEventId, asSessionId } from '../../../../shared/model/ids.js';
import {
  emptyFragment,
  type EventRecord,
  type SessionRecord,
} from '../../../../shared/model/provenanceRecords.js';
import { tempDir } from '../../../helpers/paths.js';
import { sessionRecord } from '../../../helpers/records.js';

const tmp = tempDir();
after(tmp.cleanup);

const session = (id: string, extra: Partial<SessionRecord> = {}): SessionRecord =>
  sessionRecord(id, { query: 'q', ...extra });
const event = (id: string, sid: string, n: number): EventRecord => ({
  event_id: asEventId(id),
  session_id: asSessionId(sid),
  event_type: 'log',
  event_name: 'log_info',
  timestamp: '2026-01-01 00:00:01',
  sequence_number: n,
  details: { n },
  duration_ms: null,
  related_event_id: null,
});
const src = (path: string, kind: SourceRef['kind'] = 'actions-jsonl'): SourceRef => ({
  kind,
  path,
  hash: path,
  size: 1,
  projectId: null,
});

test('DuckDB quirks this writer is built around (measured, so an upgrade that changes them is noticed)', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'quirks.duckdb'));
  try {
    await ws.exec(
      `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time) VALUES ('s', 'A', 'q', '2026-01-01')`,
    );
    await ws.exec(
      `INSERT INTO provenance_events VALUES ('e', 's', 'log', 'x', '2026-01-01', 1, '{}', NULL, NULL)`,
    );
    // 1. an indexed column of a referenced session cannot be updated, even to the same value
    await assert.rejects(
      ws.exec(`UPDATE provenance_sessions SET agent_type = 'A' WHERE session_id = 's'`),
      /foreign key/,
    );
    await assert.rejects(
      ws.exec(`UPDATE provenance_sessions SET parent_session_id = NULL WHERE session_id = 's'`),
      /foreign key/,
    );
    // 2. other columns can
    await ws.exec(`UPDATE provenance_sessions SET query = 'q2', success = true WHERE session_id = 's'`);
    // 3. children and parent deleted in one transaction: the FK still sees the children
    await assert.rejects(
      ws.transaction(async (tx) => {
        await tx.exec(`DELETE FROM provenance_events WHERE session_id = 's'`);
        await tx.exec(`DELETE FROM provenance_sessions WHERE session_id = 's'`);
      }),
      /foreign key/,
    );
    // 4. ... and in two transactions it works
    await ws.exec(`DELETE FROM provenance_events WHERE session_id = 's'`);
    await ws.exec(`DELETE FROM provenance_sessions WHERE session_id = 's'`);
  } finally {
    ws.close();
  }
});

test('rows already present (the tracker) merge on id; strong sources overwrite, weak ones only fill', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'merge.duckdb'));
  try {
    await ws.exec(
      `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time) VALUES ('s', 'Tracker', 'q', '2026-01-01')`,
    );
    await ws.exec(
      `INSERT INTO provenance_events VALUES ('e1', 's', 'log', 'tracker', '2026-01-01', 1, '{}', NULL, NULL)`,
    );
    const weak = emptyFragment(false);
    weak.sessions.push(
      session('s', { agent_type: 'Other', success: false, end_time: '2026-01-01 00:00:05' }),
    );
    weak.events.push(event('e1', 's', 1), event('e2', 's', 2));
    await writeFragment(ws, src('/a/actions.jsonl'), weak);
    const strong = emptyFragment(true);
    strong.sessions.push(session('s', { success: true }));
    strong.events.push({ ...event('e2', 's', 2), event_name: 'from-json' });
    await writeFragment(ws, src('/a/x.json', 'json-manifest'), strong);
    const [s] = await ws.all(
      `SELECT agent_type, success, CAST(end_time AS VARCHAR) e FROM provenance_sessions`,
    );
    assert.deepEqual({ ...s }, { agent_type: 'Tracker', success: true, e: '2026-01-01 00:00:05' });
    const ev = await ws.all(`SELECT event_id, event_name FROM provenance_events ORDER BY 1`);
    assert.deepEqual(
      ev.map((r) => [r.event_id, r.event_name]),
      [
        ['e1', 'log_info'],
        ['e2', 'from-json'],
      ],
    );
    // a weak re-write cannot undo what a strong source claims
    weak.events = [{ ...event('e2', 's', 2), event_name: 'weak-again' }];
    await writeFragment(ws, { ...src('/a/actions.jsonl'), hash: 'v2' }, weak);
    assert.equal(
      (await ws.all(`SELECT event_name FROM provenance_events WHERE event_id = 'e2'`))[0]!.event_name,
      'from-json',
    );
  } finally {
    ws.close();
  }
});

test('a source that fails leaves the workspace as it was for that source', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'atomic.duckdb'));
  try {
    const good = emptyFragment(false);
    good.sessions.push(session('s'));
    good.events.push(event('e1', 's', 1));
    await writeFragment(ws, src('/b/actions.jsonl'), good);
    const broken = emptyFragment(false);
    broken.sessions.push(session('s2'));
    broken.events.push(event('e9', 's2', 1), { ...event('e10', 'no-such-session', 1) });
    await assert.rejects(writeFragment(ws, src('/b/other.jsonl'), broken), /foreign key|Constraint/i);
    const counts = await ws.all(
      `SELECT (SELECT count(*) FROM provenance_sessions) s, (SELECT count(*) FROM provenance_events) e, (SELECT count(*) FROM provex_sources) src`,
    );
    assert.deepEqual(
      counts.map((r) => [Number(r.s), Number(r.e), Number(r.src)]),
      [[1, 1, 1]],
    );
  } finally {
    ws.close();
  }
});

test('a session its source no longer contains is removed after the commit, with its rows', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'stale.duckdb'));
  try {
    const f = emptyFragment(false);
    f.sessions.push(session('keep'), session('drop'));
    f.events.push(event('k1', 'keep', 1), event('d1', 'drop', 1));
    await writeFragment(ws, src('/c/actions.jsonl'), f);
    const g = emptyFragment(false);
    g.sessions.push(session('keep'));
    g.events.push(event('k1', 'keep', 1));
    const res = await writeFragment(ws, { ...src('/c/actions.jsonl'), hash: 'v2' }, g);
    assert.equal(res.status, 'replaced');
    assert.deepEqual(res.staleSessions, ['drop']);
    assert.equal(await removeUnclaimedSessions(ws, res.staleSessions), 1);
    const left = await ws.all(`SELECT session_id FROM provenance_sessions`);
    assert.deepEqual(
      left.map((r) => r.session_id),
      ['keep'],
    );
    assert.equal(Number((await ws.all(`SELECT count(*) n FROM provenance_events`))[0]!.n), 1);
  } finally {
    ws.close();
  }
});

test('a parent and its child in one source are inserted parent first; JSON columns use Python spacing', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'tree.duckdb'));
  try {
    const f = emptyFragment(true);
    f.sessions.push(
      session('grandchild', { parent_session_id: asSessionId('child') }),
      session('child', { parent_session_id: asSessionId('root'), kwargs: { a: [1, 'é'] } }),
      session('root'),
    );
    const res = await writeFragment(ws, src('/d/x.json', 'json-manifest'), f);
    assert.deepEqual(res.missingParents, []);
    const rows = await ws.all(
      `SELECT session_id, parent_session_id, kwargs FROM provenance_sessions ORDER BY 1`,
    );
    assert.deepEqual(
      rows.map((r) => [r.session_id, r.parent_session_id]),
      [
        ['child', 'root'],
        ['grandchild', 'child'],
        ['root', null],
      ],
    );
    assert.equal(rows[0]!.kwargs, '{"a": [1, "\\u00e9"]}');
  } finally {
    ws.close();
  }
});
