import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { JsonObject, JsonValue } from '../../../../shared/model/json.js';
import { runDemoAgent, type DemoRun } from '../../../../electron/tracker/demo.js';
import { ProvenanceTracker, type TrackerDiagnostic } from '../../../../electron/tracker/tracker.js';
import { json } from '../../../../electron/store/values.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import type { Row } from '../../../../electron/store/values.js';
import { tempDir } from '../../../helpers/paths.js';
import { micros, readJsonManifest, readSessionFolders, type SessionFolder } from './readBack.js';

const tmp = tempDir('provex-tracker-');
const projectRoot = join(tmp.dir, 'project');
const root = join(projectRoot, '.claude', 'provenance');
const dbPath = join(projectRoot, 'data', 'provenance.duckdb');
const diagnostics: TrackerDiagnostic[] = [];
let demo: DemoRun;
let failedId = '';
let ws: Workspace;
let folders: SessionFolder[];

before(async () => {
  const tracker = new ProvenanceTracker({ dbPath, projectRoot, onDiagnostic: (d) => diagnostics.push(d) });
  demo = await runDemoAgent(tracker);
  await assert.rejects(
    tracker.withSession('SQLAgent', 'SELECT broken', { retries: 0 }, async (s) => {
      failedId = s.id;
      tracker.recordEvent('validation', 'schema_check', { table: 'media' });
      throw new Error('Binder Error: table media does not exist');
    }),
    /Binder Error/,
  );
  assert.deepEqual(await tracker.close(), { ok: true, pendingRows: 0 });
  ws = await Workspace.open(dbPath, { readOnly: true });
  folders = readSessionFolders(root);
});
after(() => {
  ws?.close();
  tmp.cleanup();
});

const rows = (sql: string, params: string[] = []): Promise<Row[]> => ws.all(sql, params);
const folderOf = (id: string): SessionFolder => {
  const f = folders.find((x) => x.manifest.session.database_session_id === id);
  assert.ok(f, `no folder for ${id}`);
  return f;
};
const allIds = (): string[] => [...demo.sessionIds, failedId];

test('nothing went wrong on the way', () => {
  assert.deepEqual(
    diagnostics.filter((d) => d.kind !== 'no-session'),
    [],
  );
});

test('every session has its own folder, named by its UTC start minute', () => {
  assert.equal(folders.length, 4);
  assert.equal(new Set(folders.map((f) => f.folder)).size, 4);
  for (const f of folders) {
    const minute = String(f.manifest.session.date_started).slice(0, 16).replace('T', '-').replace(':', '-');
    assert.match(f.folder, new RegExp(`^${minute}(-[0-9]+)?$`));
    assert.equal(f.manifest.session.id, `agent-session-${f.folder}`);
    assert.equal(
      f.manifest.metadata && (f.manifest.metadata as JsonObject).file_session_dir,
      `.claude/provenance/sessions/${f.folder}`,
    );
    assert.equal((f.manifest.metadata as JsonObject).database_path, 'data/provenance.duckdb');
  }
});

test('sessions nest three deep with depth from the in-memory parent', async () => {
  const [rootId, childId, grandchildId] = demo.sessionIds;
  const db = await rows(
    `SELECT session_id, parent_session_id, depth FROM provenance_sessions ORDER BY depth`,
  );
  assert.deepEqual(
    db.filter((r) => r.session_id !== failedId).map((r) => [r.session_id, r.parent_session_id, r.depth]),
    [
      [rootId, null, 0],
      [childId, rootId, 1],
      [grandchildId, childId, 2],
    ],
  );
  assert.deepEqual(folderOf(grandchildId!).manifest.agent_context, {
    query: 'Look up neodymium chloride',
    kwargs: { compound: 'NdCl3' },
    parent_session_id: childId,
    depth: 2,
  });
  const sub = (folderOf(rootId!).manifest.tool_usage as { sub_agents: JsonValue }).sub_agents;
  assert.deepEqual(sub, { calls: 1, agent_types: ['PathwayAnalysisAgent'] });
});

test('session rows equal the JSON manifests and manifest.yaml, field by field', async () => {
  for (const id of allIds()) {
    const [r] = await rows(`SELECT * FROM provenance_sessions WHERE session_id = ?`, [id]);
    assert.ok(r);
    const j = readJsonManifest(root, id).session;
    const m = folderOf(id).manifest;
    assert.equal(r.agent_type, j.agent_type);
    assert.equal(r.query, j.query);
    assert.deepEqual(json(r.kwargs), j.kwargs);
    assert.equal(micros(r.start_time), micros(j.start_time));
    assert.equal(micros(r.end_time), micros(j.end_time));
    assert.equal(micros(r.created_at), micros(j.start_time), 'created_at is the naive-UTC start');
    assert.equal(r.duration_ms, j.duration_ms);
    assert.equal(r.success, j.success);
    assert.deepEqual(json(r.result_summary), j.result_summary);
    assert.equal(r.error_message, j.error_message);
    assert.equal(r.parent_session_id, j.parent_session_id);
    assert.equal(r.depth, j.depth);
    assert.equal(r.db_path, dbPath);
    assert.equal(j.action_count, j.sequence_counter, 'action_count counts every event');
    assert.equal(m.session.date_started, `${String(j.start_time)}Z`);
    assert.equal(m.session.date_ended, `${String(j.end_time)}Z`);
    assert.equal(m.results.success, j.success);
    assert.equal(m.results.actions_performed, j.sequence_counter);
    assert.equal((json(r.user_context) as JsonObject).working_directory, projectRoot);
  }
});

test('events equal the JSON trace and the action lines; agent_end points at agent_start', async () => {
  for (const id of allIds()) {
    const events = await rows(
      `SELECT * FROM provenance_events WHERE session_id = ? ORDER BY sequence_number`,
      [id],
    );
    const trace = readJsonManifest(root, id).execution_trace;
    const { lines, tornLastLine } = folderOf(id);
    assert.equal(tornLastLine, false);
    assert.equal(events.length, trace.length);
    assert.equal(lines.length, trace.length);
    events.forEach((e, i) => {
      const t = trace[i]!;
      const l = lines[i]!;
      assert.equal(e.event_id, t.event_id);
      assert.equal(l.database_event_id, t.event_id);
      assert.equal(e.sequence_number, i + 1);
      assert.equal(l.action_id, i + 1);
      assert.equal(e.event_name, t.event_name);
      assert.equal(e.event_type, t.event_type);
      assert.deepEqual(json(e.details), t.details);
      assert.deepEqual(l.details, t.details);
      assert.equal(micros(e.timestamp), micros(t.timestamp));
      assert.equal(l.timestamp, `${String(t.timestamp)}Z`);
      assert.equal(l.duration_ms, e.duration_ms);
    });
    const end = events[events.length - 1]!;
    assert.equal(end.event_name, 'agent_end');
    assert.equal(end.related_event_id, events[0]!.event_id);
    assert.equal(end.duration_ms, readJsonManifest(root, id).session.duration_ms);
  }
});

test('tool calls, decisions, transformations and links reach the DB with their event ids', async () => {
  for (const id of allIds()) {
    const j = readJsonManifest(root, id);
    const events = await rows(
      `SELECT * FROM provenance_events WHERE session_id = ? ORDER BY sequence_number`,
      [id],
    );
    const calls = await rows(`SELECT * FROM provenance_tool_calls WHERE session_id = ? ORDER BY call_time`, [
      id,
    ]);
    assert.equal(calls.length, j.tool_calls.length);
    for (const c of calls) {
      const fc = j.tool_calls.find((x) => x.call_id === c.call_id)!;
      const ev = events.find((e) => e.event_id === c.event_id)!;
      assert.equal((json(ev.details) as JsonObject).call_id, c.call_id, 'event_id is the call event');
      assert.equal(ev.duration_ms, c.duration_ms);
      assert.deepEqual(json(c.input_params), fc.input_params);
      assert.deepEqual(json(c.output_data), fc.output_data);
      assert.equal(c.cache_hit, fc.cache_hit);
      assert.equal(c.success, fc.success);
      assert.equal(c.error_message, fc.error_message);
      assert.equal(micros(c.call_time), micros(fc.call_time));
    }
    const decisions = await rows(`SELECT * FROM provenance_decisions WHERE session_id = ?`, [id]);
    assert.equal(decisions.length, j.decisions.length);
    for (const d of decisions) {
      const ev = events.find((e) => e.event_id === d.event_id)!;
      assert.equal(ev.event_name, d.decision_point);
      const fd = j.decisions.find((x) => x.decision_id === d.decision_id)!;
      assert.deepEqual(json(d.branches_available), fd.branches_available);
      assert.deepEqual(json(d.input_values), fd.input_values);
      assert.equal(d.reason, fd.reason);
    }
    const transformations = await rows(`SELECT * FROM provenance_transformations WHERE session_id = ?`, [id]);
    assert.equal(transformations.length, j.transformations.length);
    for (const t of transformations) {
      assert.equal(events.find((e) => e.event_id === t.event_id)!.event_name, t.transformation_name);
      const ft = j.transformations.find((x) => x.transformation_id === t.transformation_id)!;
      for (const k of ['input_schema', 'input_sample', 'output_schema', 'output_sample', 'parameters'])
        assert.deepEqual(json(t[k]), ft[k], k);
    }
    const links = await rows(`SELECT * FROM provenance_entity_links WHERE session_id = ? ORDER BY link_id`, [
      id,
    ]);
    assert.equal(links.length, j.entity_links.length);
    links.forEach((l, i) => {
      const fl = j.entity_links[i]!;
      assert.equal(l.entity_id, fl.entity_id);
      const before = events.filter((e) => micros(e.timestamp) <= micros(l.timestamp));
      assert.equal(l.event_id, before[before.length - 1]!.event_id, 'the last event before the link');
    });
  }
  const ids = await rows(`SELECT link_id FROM provenance_entity_links ORDER BY link_id`);
  assert.deepEqual(
    ids.map((r) => r.link_id),
    [1, 2, 3],
  );
});

test('failures say so: the failed tool call, the failed session, its summary and manifest', async () => {
  const grand = folderOf(demo.sessionIds[2]!);
  const failedLine = grand.lines.find((l) => l.status === 'failure')!;
  assert.equal(failedLine.tool, 'ChEBIAPI');
  assert.deepEqual(failedLine.error, { message: 'HTTPError 503: Service Unavailable' });
  assert.match(grand.summary!, /- Failed: 1\n/);
  assert.match(grand.summary!, /## Errors\n- \*\*ChEBIAPI\*\*: HTTPError 503: Service Unavailable\n/);
  const [call] = await rows(`SELECT * FROM provenance_tool_calls WHERE tool_name = 'chebi_entity_lookup'`);
  assert.equal(call!.success, false);
  assert.equal(call!.error_type, 'Error');

  const failed = folderOf(failedId);
  assert.deepEqual(failed.manifest.errors, ['Binder Error: table media does not exist']);
  assert.equal(failed.manifest.results.success, false);
  assert.match(failed.summary!, /\*\*Status:\*\* ✗ Failed/);
  const end = failed.lines[failed.lines.length - 1]!;
  assert.equal(end.status, 'failure');
  assert.deepEqual(end.details, { success: false, duration_ms: end.duration_ms });
  const [row] = await rows(`SELECT success, error_message FROM provenance_sessions WHERE session_id = ?`, [
    failedId,
  ]);
  assert.deepEqual(row, { success: false, error_message: 'Binder Error: table media does not exist' });
});

test('manifest fields the reference left empty are filled (§12.10)', () => {
  const m = folderOf(demo.sessionIds[0]!).manifest as JsonObject & Record<string, JsonObject>;
  const summary = m.action_summary as Record<string, JsonObject>;
  assert.deepEqual(summary.decisions!.key_decisions, ['strategy']);
  assert.deepEqual(summary.transformations!.transformation_types, ['aggregation']);
  assert.deepEqual(summary.queries!.apis, ['DuckDB']);
  assert.deepEqual((m.entity_links as JsonObject).media, ['MP']);
  assert.equal(typeof m.user_context!.python_version, 'string');
  const grand = folderOf(demo.sessionIds[2]!).manifest as JsonObject & Record<string, JsonObject>;
  assert.deepEqual((grand.tool_usage!.pubchem as JsonObject).cache_hits, 1);
  assert.deepEqual((grand.entity_links as JsonObject).ingredients, ['CHEBI:33372']);
});

test('bookkeeping: one project, one tracker source, one generated info row per session', async () => {
  assert.deepEqual(await rows(`SELECT name, root_path FROM provex_projects`), [
    { name: 'project', root_path: projectRoot },
  ]);
  const [src] = await rows(`SELECT kind, path, project_id FROM provex_sources`);
  assert.deepEqual(src, { kind: 'tracker', path: root, project_id: 1 });
  const infos = await rows(`SELECT * FROM provex_session_info ORDER BY session_id`);
  assert.equal(infos.length, 4);
  for (const i of infos) {
    const f = folderOf(String(i.session_id));
    assert.equal(i.folder, f.folder);
    assert.equal(i.flavour, 'generated');
    assert.equal(i.project_id, 1);
    assert.equal(i.summary_md, f.summary);
    assert.deepEqual(json(i.manifest), f.manifest);
    assert.equal(i.summary_md, readFileSync(join(root, 'sessions', f.folder, 'summary.md'), 'utf8'));
  }
});

test('every generated manifest.yaml reads the same in PyYAML (YAML 1.1) as in the npm yaml parser', (t) => {
  if (spawnSync('python3', ['-c', 'import yaml']).status !== 0)
    return t.skip('python3 with PyYAML is not installed');
  for (const f of folders) {
    const path = join(root, 'sessions', f.folder, 'manifest.yaml');
    const r = spawnSync(
      'python3',
      [
        '-c',
        'import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))',
        path,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), f.manifest, f.folder);
  }
});
