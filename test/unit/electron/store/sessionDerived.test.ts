import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { importDuckDbFile } from '../../../../electron/importers/duckdb/importDuckDb.js';
import { appendRows } from '../../../../electron/store/appendWriter.js';
import { writeNewFragments } from '../../../../electron/store/batchWriter.js';
import { DERIVED_TABLE, derivedRowsSql } from '../../../../electron/store/sessionDerived.js';
import { listSessions } from '../../../../electron/store/sessionRepository.js';
import {
  removeUnclaimedSessions,
  writeFragment,
  type SourceRef,
} from '../../../../electron/store/sessionWriter.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';
import { asEventId, asSessionId } from '../../../../shared/model/ids.js';
import {
  emptyFragment,
  type EventRecord,
  type SessionRecord,
  type SourceFragment,
} from '../../../../shared/model/provenanceRecords.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { sessionRecord } from '../../../helpers/records.js';

const tmp = tempDir('provex-derived-');
after(tmp.cleanup);
const fixtureProject = join(sharedFixtures, 'claude-provenance', 'project');

/**
 * The derived table equals a fresh computation: counts by the plain GROUP BY that sessions/list
 * used before the table existed, the rest (times, search runs) by the table's own definition.
 * Returns the number of sessions with events, so a test can check it is not vacuous.
 */
async function assertExact(ws: Workspace, label: string): Promise<number> {
  const stored = await ws.all(`SELECT * FROM ${DERIVED_TABLE} ORDER BY session_id`);
  const fresh = await ws.all(`SELECT * FROM (${derivedRowsSql(null)}) ORDER BY session_id`);
  assert.deepEqual(stored, fresh, `${label}: derived rows differ from a fresh computation`);
  const counts = await ws.all(
    `SELECT session_id, COUNT(*) AS event_count,
            COUNT(*) FILTER (WHERE event_type = 'tool_call') AS tool_call_count,
            COUNT(*) FILTER (WHERE event_type = 'tool_call' AND json_extract(details, '$.cache_hit') = 'true') AS cache_hits
     FROM provenance_events GROUP BY session_id ORDER BY session_id`,
  );
  assert.deepEqual(
    stored.map((r) => [r.session_id, r.event_count, r.tool_call_count, r.cache_hits]),
    counts.map((r) => [r.session_id, r.event_count, r.tool_call_count, r.cache_hits]),
    `${label}: counts differ from GROUP BY`,
  );
  return stored.length;
}

/** Opens without migrating, so the repair at open cannot hide a writer that missed the table. */
const inspect = (path: string): Promise<Workspace> => Workspace.open(path, { migrate: false });

const session = sessionRecord;
const event = (id: string, sid: string, n: number, extra: Partial<EventRecord> = {}): EventRecord => ({
  event_id: asEventId(id),
  session_id: asSessionId(sid),
  event_type: 'log',
  event_name: 'log_info',
  timestamp: `2026-01-01 00:00:0${n}`,
  sequence_number: n,
  details: { message: `${id} note` },
  duration_ms: null,
  related_event_id: null,
  ...extra,
});
const toolEvent = (id: string, sid: string, n: number, hit: boolean): EventRecord =>
  event(id, sid, n, {
    event_type: 'tool_call',
    event_name: 'api.pubchem_compound_lookup',
    details: { call_id: `c-${id}`, cache_hit: hit, duration_ms: 12 },
  });
const src = (path: string, strong = false): SourceRef => ({
  kind: strong ? 'json-manifest' : 'actions-jsonl',
  path,
  hash: `h-${path}-${Math.random()}`,
  size: 1,
  projectId: null,
});
function frag(strong: boolean, sessions: SessionRecord[], events: EventRecord[]): SourceFragment {
  const f = emptyFragment(strong);
  f.sessions.push(...sessions);
  f.events.push(...events);
  return f;
}

test('claude import and the re-import of a changed action log keep the table exact', async () => {
  const project = join(tmp.dir, 'claude');
  cpSync(fixtureProject, project, { recursive: true });
  // Without the JSON manifests the action logs own their events (a JSON manifest's rows win).
  for (const f of readdirSync(join(project, '.claude', 'provenance')))
    if (f.endsWith('.json') && f !== 'metadata-schema.json')
      rmSync(join(project, '.claude', 'provenance', f));
  const db = join(tmp.dir, 'claude.duckdb');
  let ws = await Workspace.open(db);
  await importClaudePaths(ws, [project]);
  ws.close();
  ws = await inspect(db);
  assert.ok((await assertExact(ws, 'import')) >= 2);
  const before = (await listSessions(ws, {})).rows.reduce((n, r) => n + r.event_count, 0);
  ws.close();

  // The action log loses its last line and one line changes its text: its rows are replaced.
  const log = join(project, '.claude', 'provenance', 'sessions', '2026-01-13-16-05', 'actions.jsonl');
  const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  lines[1] = lines[1]!.replace('"details": {', '"details": {"note": "zirconium", ');
  writeFileSync(log, `${lines.slice(0, -1).join('\n')}\n`);
  ws = await Workspace.open(db);
  await importClaudePaths(ws, [project]);
  ws.close();
  ws = await inspect(db);
  await assertExact(ws, 're-import');
  const found = await listSessions(ws, { search: 'zirconium' });
  assert.equal(found.total, 1, 'the changed line is searchable');
  const afterCount = (await listSessions(ws, {})).rows.reduce((n, r) => n + r.event_count, 0);
  assert.equal(afterCount, before - 1, 'the dropped line is no longer counted');
  ws.close();
});

test('replacing a source: moved, changed and dropped events, and removed sessions', async () => {
  const db = join(tmp.dir, 'replace.duckdb');
  const ws = await Workspace.open(db);
  try {
    const a = src('/a.json', true);
    await writeFragment(
      ws,
      a,
      frag(
        true,
        [session('s1'), session('s2')],
        [
          event('e1', 's1', 1),
          toolEvent('e2', 's1', 2, true),
          event('e3', 's2', 1),
          toolEvent('e4', 's2', 2, false),
        ],
      ),
    );
    assert.equal(await assertExact(ws, 'first write'), 2);
    // e2 moves to s2 with another text, e1 goes, s1 is no longer described: it is removed.
    const res = await writeFragment(
      ws,
      { ...a, hash: 'second' },
      frag(
        true,
        [session('s2')],
        [
          toolEvent('e2', 's2', 3, false),
          event('e3', 's2', 1, { details: { message: 'molybdenum' } }),
          toolEvent('e4', 's2', 2, false),
        ],
      ),
    );
    await assertExact(ws, 'replace');
    assert.deepEqual(res.staleSessions, ['s1']);
    assert.equal(await removeUnclaimedSessions(ws, res.staleSessions), 1);
    assert.equal(await assertExact(ws, 'removed'), 1);
    const [s2] = (await listSessions(ws, {})).rows;
    assert.deepEqual([s2?.session_id, s2?.event_count, s2?.tool_call_count, s2?.cache_hits], ['s2', 3, 2, 0]);
  } finally {
    ws.close();
  }
});

test('a batch of new sources, then weak writes that add to and move events of existing sessions', async () => {
  const db = join(tmp.dir, 'batch.duckdb');
  const ws = await Workspace.open(db);
  try {
    await writeNewFragments(
      ws,
      [
        {
          src: src('/b1/actions.jsonl'),
          frag: frag(false, [session('b1')], [event('b1-1', 'b1', 1), toolEvent('b1-2', 'b1', 2, true)]),
        },
        { src: src('/b2/actions.jsonl'), frag: frag(false, [session('b2')], [event('b2-1', 'b2', 1)]) },
      ],
      null,
    );
    assert.equal(await assertExact(ws, 'batch'), 2);
    // Incremental: new events of an existing session (no existing event touched).
    await writeNewFragments(
      ws,
      [
        {
          src: src('/b1/more.jsonl'),
          frag: frag(false, [], [toolEvent('b1-3', 'b1', 3, true), event('b1-4', 'b1', 4)]),
        },
      ],
      null,
    );
    await assertExact(ws, 'incremental batch');
    // A weak source that re-attributes an existing event to another session.
    await writeFragment(
      ws,
      src('/b2/actions.jsonl'),
      frag(false, [session('b2')], [event('b2-1', 'b2', 1), event('b1-4', 'b2', 2)]),
    );
    await assertExact(ws, 'moved by a weak merge');
    const counts = Object.fromEntries(
      (await listSessions(ws, {})).rows.map((r) => [r.session_id, r.event_count]),
    );
    assert.deepEqual(counts, { b1: 3, b2: 2 });
  } finally {
    ws.close();
  }
});

test('watcher appends: new lines add, a line seen twice changes nothing', async () => {
  const db = join(tmp.dir, 'append.duckdb');
  const ws = await Workspace.open(db);
  try {
    const log = src('/w/actions.jsonl');
    await appendRows(
      ws,
      log,
      frag(false, [session('w')], [event('w1', 'w', 1), toolEvent('w2', 'w', 2, true)]),
    );
    await appendRows(
      ws,
      log,
      frag(
        false,
        [],
        [toolEvent('w3', 'w', 3, true), event('w4', 'w', 4, { details: { message: 'tungsten 74' } })],
      ),
    );
    assert.equal(await assertExact(ws, 'append'), 1);
    await appendRows(ws, log, frag(false, [], [toolEvent('w3', 'w', 3, true), event('w5', 'w', 5)]));
    await assertExact(ws, 'append with a repeated line');
    const [w] = (await listSessions(ws, { search: 'tungsten 74' })).rows;
    assert.deepEqual([w?.event_count, w?.cache_hits], [5, 2]);
  } finally {
    ws.close();
  }
});

test('tracker writes keep the table exact', async () => {
  const root = join(tmp.dir, 'tracked');
  // An open workspace (no reopen per flush, whose repair at open would hide a missed refresh).
  const ws = await Workspace.open(join(tmp.dir, 'tracked.duckdb'));
  try {
    const t = new ProvenanceTracker({ workspace: ws, projectRoot: root });
    t.startSession('MediaFormulationAgent', 'Design a medium');
    t.log('vanadium screen');
    t.recordToolCall('api', 'pubchem_compound_lookup', { cid: 1 }, { cacheHit: true });
    await t.flush();
    assert.equal(await assertExact(ws, 'tracker flush'), 1);
    t.startSession('SQLAgent', 'child query');
    t.recordToolCall('database', 'duckdb_query', { sql: 'select 1' }, { cacheHit: false });
    await t.endSession(true);
    await t.endSession(true);
    await t.close();
    assert.equal(await assertExact(ws, 'tracker'), 2);
    const found = await listSessions(ws, { search: 'vanadium' });
    assert.deepEqual(
      found.rows.map((r) => [r.agent_type, r.cache_hits]),
      [['MediaFormulationAgent', 1]],
    );
  } finally {
    ws.close();
  }
});

test('DuckDB-source import keeps the table exact, and a re-import of the changed file too', async () => {
  const source = join(tmp.dir, 'reference.duckdb');
  let ref = await Workspace.open(source);
  await ref.exec(
    `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time) VALUES ('r1', 'A', 'q', '2026-01-01')`,
  );
  await ref.exec(`INSERT INTO provenance_events VALUES
    ('r1-1', 'r1', 'tool_call', 'api.x', '2026-01-01 00:00:01', 1, '{"call_id": "c", "cache_hit": true}', NULL, NULL),
    ('r1-2', 'r1', 'log', 'log_info', '2026-01-01 00:00:02', 2, '{"message": "niobium"}', NULL, NULL)`);
  ref.close();
  const db = join(tmp.dir, 'fromdb.duckdb');
  let ws = await Workspace.open(db);
  await importDuckDbFile(ws, source);
  ws.close();
  ws = await inspect(db);
  assert.equal(await assertExact(ws, 'duckdb import'), 1);
  ws.close();
  ref = await Workspace.open(source);
  await ref.exec(`DELETE FROM provenance_events WHERE event_id = 'r1-2'`);
  ref.close();
  ws = await Workspace.open(db);
  await importDuckDbFile(ws, source);
  ws.close();
  ws = await inspect(db);
  try {
    await assertExact(ws, 'duckdb re-import');
    assert.equal((await listSessions(ws, { search: 'niobium' })).total, 0);
  } finally {
    ws.close();
  }
});

test('a version-3 workspace is filled by migration 4; rows written by another program are repaired at open', async () => {
  const db = join(tmp.dir, 'v3.duckdb');
  let ws = await Workspace.open(db);
  await ws.exec(
    `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time) VALUES ('m1', 'A', 'q', '2026-01-01')`,
  );
  await ws.exec(`INSERT INTO provenance_events VALUES
    ('m1-1', 'm1', 'tool_call', 'api.x', '2026-01-01 00:00:01', 1, '{"call_id": "c", "cache_hit": true}', NULL, NULL)`);
  // Back to version 3: no derived table.
  await ws.exec(`DROP TABLE ${DERIVED_TABLE}`);
  await ws.exec(`DELETE FROM provex_schema_version WHERE version = 4`);
  ws.close();
  ws = await Workspace.open(db);
  assert.equal(await ws.schemaVersion(), 4);
  ws.close();
  ws = await inspect(db);
  assert.equal(await assertExact(ws, 'migrated'), 1);
  // Another program adds events while provex is closed.
  await ws.exec(`INSERT INTO provenance_events VALUES
    ('m1-2', 'm1', 'log', 'log_info', '2026-01-01 00:00:02', 2, '{"message": "rhenium"}', NULL, NULL)`);
  ws.close();
  ws = await Workspace.open(db);
  try {
    await assertExact(ws, 'repaired at open');
    assert.equal((await listSessions(ws, { search: 'rhenium' })).total, 1);
  } finally {
    ws.close();
  }
});

test('search: by a word of an event detail, by the query phrase, by words spread over events; not otherwise', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'search.duckdb'));
  try {
    await writeFragment(
      ws,
      src('/s.json', true),
      frag(
        true,
        [
          session('s-detail', { query: 'Plain query' }),
          session('s-query', { query: 'Recommend a medium under Nitrogen Limitation' }),
          session('s-spread', { query: 'Other' }),
          session('s-none', { query: 'Unrelated' }),
        ],
        [
          event('d1', 's-detail', 1, { details: { reason: 'lanthanide uptake favours it', run: 4821 } }),
          event('q1', 's-query', 1),
          event('p1', 's-spread', 1, { details: { message: 'nitrogen is low' } }),
          event('p2', 's-spread', 2, { event_name: 'limitation_check' }),
          event('n1', 's-none', 1, { details: { message: 'nitrate and limits' } }),
        ],
      ),
    );
    const ids = async (search: string): Promise<string[]> =>
      (await listSessions(ws, { search, sort: 'query' })).rows.map((r) => r.session_id).sort();
    assert.deepEqual(await ids('LANTHANIDE'), ['s-detail']);
    assert.deepEqual(await ids('anthan'), ['s-detail'], 'part of a word');
    assert.deepEqual(await ids('482'), ['s-detail'], 'digits inside a number');
    assert.deepEqual(await ids('under nitrogen limitation'), ['s-query'], 'the query as a phrase');
    assert.deepEqual(await ids('nitrogen limitation'), ['s-query', 's-spread'], 'every word in some event');
    assert.deepEqual(await ids('nitrogen uptake'), [], 'words in different sessions');
    assert.deepEqual(await ids('cobalt'), []);
    assert.deepEqual(await ids('%'), [], 'no letters or digits: session fields only');
  } finally {
    ws.close();
  }
});
