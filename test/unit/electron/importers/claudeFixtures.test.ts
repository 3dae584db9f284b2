import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cpSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../../electron/store/workspace.js';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import type { ImportProgress } from '../../../../shared/model/imports.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const project = join(sharedFixtures, 'claude-provenance', 'project');
const prov = join(project, '.claude', 'provenance');
const S1605 = '79443331-9357-4ae6-8378-b0e622fae3c8';
const S0708 = 'ef048ecd-95a3-4a4e-a065-431a6d18368e';
const HAND = 'claude-session-2026-01-10-21-16-00';
let ws: Workspace;
const progress: ImportProgress[] = [];

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'fixtures.duckdb'));
  const report = await importClaudePaths(ws, [project], { onProgress: (p) => progress.push(p) });
  assert.deepEqual(report.errors, []);
  assert.ok(
    report.sources.every((s) => s.status === 'imported'),
    JSON.stringify(report.sources),
  );
});
after(() => ws.close());

const count = async (sql: string, params: (string | number)[] = []): Promise<number> =>
  Number((await ws.all(sql, params))[0]!.n);

test('three sessions: two generated, one hand-written; one project named from the manifests', async () => {
  assert.equal(await count(`SELECT count(*) n FROM provenance_sessions`), 3);
  const p = await ws.all(`SELECT name, root_path FROM provex_projects`);
  assert.deepEqual(p, [{ name: 'MicroGrowAgents', root_path: project }]);
  const info = await ws.all(
    `SELECT session_id, flavour, folder, project_id FROM provex_session_info ORDER BY folder`,
  );
  assert.deepEqual(
    info.map((r) => [r.session_id, r.flavour, r.folder]),
    [
      [HAND, 'hand-written', '2026-01-10-21-16'],
      [S0708, 'generated', '2026-01-11-07-08'],
      [S1605, 'generated', '2026-01-13-16-05'],
    ],
  );
});

test('2026-01-13-16-05: 9 events, 3 tool calls, 1 decision, 1 transformation, 2 links, 1 cache hit, success', async () => {
  const n = (t: string): Promise<number> =>
    count(`SELECT count(*) n FROM ${t} WHERE session_id = ?`, [S1605]);
  assert.equal(await n('provenance_events'), 9);
  assert.equal(await n('provenance_tool_calls'), 3);
  assert.equal(await n('provenance_decisions'), 1);
  assert.equal(await n('provenance_transformations'), 1);
  assert.equal(await n('provenance_entity_links'), 2);
  assert.equal(
    await count(`SELECT count(*) n FROM provenance_tool_calls WHERE session_id = ? AND cache_hit`, [S1605]),
    1,
  );
  const [s] = await ws.all(`SELECT * FROM provenance_sessions WHERE session_id = ?`, [S1605]);
  assert.equal(s!.success, true);
  assert.equal(s!.duration_ms, 1019);
  assert.equal(s!.agent_type, 'MediaFormulationAgent');
  assert.equal(s!.start_time, '2026-01-13 16:05:12.401463');
  assert.deepEqual(JSON.parse(String(s!.kwargs)), {
    organism: 'Methylorubrum extorquens AM-1',
    base_medium: 'MP',
    max_variants: 3,
  });
  assert.equal(
    String(s!.kwargs),
    '{"organism": "Methylorubrum extorquens AM-1", "base_medium": "MP", "max_variants": 3}',
  );
  // event types come from the JSON manifest, not from the lossy line `type`
  const types = await ws.all(
    `SELECT event_type, count(*) n FROM provenance_events WHERE session_id = ? GROUP BY 1 ORDER BY 1`,
    [S1605],
  );
  assert.deepEqual(
    types.map((r) => [r.event_type, Number(r.n)]),
    [
      ['decision', 1],
      ['lifecycle', 2],
      ['log', 2],
      ['tool_call', 3],
      ['transformation', 1],
    ],
  );
});

test('tool calls, decisions and transformations get their event id; links the last event before them', async () => {
  const calls = await ws.all(
    `SELECT c.call_id, e.event_name FROM provenance_tool_calls c JOIN provenance_events e ON e.event_id = c.event_id WHERE c.session_id = ? ORDER BY c.call_time`,
    [S1605],
  );
  assert.deepEqual(
    calls.map((r) => r.event_name),
    ['database.duckdb_query', 'api.pubchem_compound_lookup', 'api.kegg_pathway_lookup'],
  );
  const [d] = await ws.all(`SELECT event_id FROM provenance_decisions WHERE session_id = ?`, [S1605]);
  assert.equal(d!.event_id, 'ed229444-078a-4b9f-a99d-aeb5d4b2453f');
  const [t] = await ws.all(`SELECT event_id FROM provenance_transformations WHERE session_id = ?`, [S1605]);
  assert.equal(t!.event_id, '53492ed9-1b8e-48ab-ac25-a8ea54ae0ed9');
  const links = await ws.all(
    `SELECT link_id, event_id, entity_table, entity_id, link_type, timestamp FROM provenance_entity_links WHERE session_id = ? ORDER BY entity_table`,
    [S1605],
  );
  assert.deepEqual(
    links.map((l) => [l.entity_table, l.entity_id, l.link_type, l.event_id, l.timestamp]),
    [
      [
        'ingredients',
        'CHEBI:33372',
        'used',
        'dac0d7bc-3c9b-48e1-8a53-51987d3a3c61',
        '2026-01-13 16:05:13.379453',
      ],
      ['media', 'MP', 'derived_from', 'dac0d7bc-3c9b-48e1-8a53-51987d3a3c61', '2026-01-13 16:05:13.379683'],
    ],
  );
  assert.notEqual(links[0]!.link_id, links[1]!.link_id);
});

test('ef048ecd: 5 events including the second agent_start, and its route decision', async () => {
  assert.equal(await count(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [S0708]), 5);
  assert.equal(
    await count(
      `SELECT count(*) n FROM provenance_events WHERE session_id = ? AND event_name = 'agent_start'`,
      [S0708],
    ),
    2,
  );
  const [d] = await ws.all(`SELECT * FROM provenance_decisions WHERE session_id = ?`, [S0708]);
  assert.equal(d!.decision_type, 'route');
  assert.equal(d!.decision_point, 'query_type');
  assert.equal(d!.branch_taken, 'test_mode');
  assert.equal(d!.event_id, '8fda53f4-3efb-4a37-b9a8-f59df2fe3122');
  assert.deepEqual(JSON.parse(String(d!.branches_available)), ['test_mode', 'production_mode']);
  const [s] = await ws.all(
    `SELECT duration_ms, success, python_version FROM provenance_sessions WHERE session_id = ?`,
    [S0708],
  );
  assert.deepEqual({ ...s }, { duration_ms: 157, success: true, python_version: s!.python_version });
  assert.match(String(s!.python_version), /^3\.11\.5 /);
});

test('the hand-written session: literal times, ClaudeCode, goals as query, summary and unknown keys kept', async () => {
  const [s] = await ws.all(`SELECT * FROM provenance_sessions WHERE session_id = ?`, [HAND]);
  assert.equal(s!.agent_type, 'ClaudeCode');
  assert.equal(s!.start_time, '2026-01-10 21:16:00'); // digits as written: the Z is not trusted
  assert.equal(s!.end_time, '2026-01-10 21:45:00');
  assert.equal(s!.duration_ms, 29 * 60000);
  assert.equal(s!.success, true);
  assert.match(String(s!.query), /^Create provenance tracking infrastructure/);
  assert.equal(String(s!.query).split('\n').length, 5);
  const [info] = await ws.all(`SELECT summary_md, manifest FROM provex_session_info WHERE session_id = ?`, [
    HAND,
  ]);
  assert.equal(
    info!.summary_md,
    readFileSync(join(prov, 'sessions', '2026-01-10-21-16', 'summary.md'), 'utf8'),
  );
  const m = JSON.parse(String(info!.manifest));
  assert.equal(m.session.date_started, '2026-01-10T21:16:00Z');
  assert.equal(m.user_context.python_version, '3.11.7');
  assert.equal(m.metadata.schema_version, '1.0.0');
  assert.equal(await count(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [HAND]), 0);
});

test('progress reports every file, ending with all files done', () => {
  const last = progress.at(-1)!;
  assert.equal(last.filesDone, last.filesTotal);
  assert.equal(last.filesTotal, 10);
  assert.ok(last.eventsDone >= 14);
});

test('importing the same paths again changes nothing and reports every file unchanged', async () => {
  const before = await ws.all(
    `SELECT (SELECT count(*) FROM provenance_events) e, (SELECT count(*) FROM provex_row_sources) r`,
  );
  const report = await importClaudePaths(ws, [prov]);
  assert.ok(
    report.sources.every((s) => s.status === 'unchanged'),
    JSON.stringify(report.sources.map((s) => s.status)),
  );
  assert.equal(report.totals.events, 0);
  assert.deepEqual(
    await ws.all(
      `SELECT (SELECT count(*) FROM provenance_events) e, (SELECT count(*) FROM provex_row_sources) r`,
    ),
    before,
  );
});

test('a changed file replaces exactly its rows', async () => {
  const copy = join(tmp.dir, 'copy');
  cpSync(project, copy, { recursive: true });
  const w2 = await Workspace.open(join(tmp.dir, 'changed.duckdb'));
  try {
    await importClaudePaths(w2, [copy]);
    const folder = join(copy, '.claude', 'provenance', 'sessions', '2026-01-10-21-16');
    // hand-written session: edit the manifest, add an action log, then drop a line of it
    const manifest = join(folder, 'manifest.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'date_ended: "2026-01-10T21:45:00Z"',
        'date_ended: "2026-01-10T21:50:00Z"',
      ),
    );
    const line = (n: number, tool: string): string =>
      JSON.stringify({
        timestamp: `2026-01-10T21:2${n}:00.123Z`,
        action_id: n,
        type: 'read',
        tool,
        status: 'success',
        duration_ms: 3,
        details: { file_path: '.gitignore' },
        files_affected: ['.gitignore'],
        read_only: true,
      }) + '\n';
    writeFileSync(join(folder, 'actions.jsonl'), line(1, 'Read') + line(2, 'Grep'));
    let r = await importClaudePaths(w2, [copy]);
    const status = (p: string): string | undefined => r.sources.find((s) => s.path.endsWith(p))?.status;
    assert.equal(status('2026-01-10-21-16/manifest.yaml'), 'replaced');
    assert.equal(status('2026-01-10-21-16/actions.jsonl'), 'imported');
    assert.equal(status('2026-01-11-07-08/actions.jsonl'), 'unchanged');
    const [s] = await w2.all(`SELECT end_time FROM provenance_sessions WHERE session_id = ?`, [HAND]);
    assert.equal(s!.end_time, '2026-01-10 21:50:00');
    const events = async (): Promise<string[]> =>
      (
        await w2.all(
          `SELECT event_name FROM provenance_events WHERE session_id = ? ORDER BY sequence_number`,
          [HAND],
        )
      ).map((e) => String(e.event_name));
    assert.deepEqual(await events(), ['Read', 'Grep']);
    writeFileSync(join(folder, 'actions.jsonl'), line(1, 'Glob'));
    r = await importClaudePaths(w2, [copy]);
    assert.equal(status('2026-01-10-21-16/actions.jsonl'), 'replaced');
    assert.deepEqual(await events(), ['Glob']);
    assert.equal(await w2.all(`SELECT count(*) n FROM provenance_events`).then((x) => Number(x[0]!.n)), 15);
    appendFileSync(join(folder, 'actions.jsonl'), line(2, 'Edit'));
    r = await importClaudePaths(w2, [copy]);
    assert.deepEqual(await events(), ['Glob', 'Edit']);
  } finally {
    w2.close();
  }
});
