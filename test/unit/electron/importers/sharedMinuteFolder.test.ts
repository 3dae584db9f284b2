import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { Workspace } from '../../../../electron/store/workspace.js';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import type { ImportReport } from '../../../../shared/model/imports.js';
import { ownFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const project = join(ownFixtures, 'claude', 'shared-minute');
const P = '11111111-1111-4111-8111-111111111111';
const C = '22222222-2222-4222-8222-222222222222';
const F = '33333333-3333-4333-8333-333333333333';
let ws: Workspace;
let report: ImportReport;

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'shared.duckdb'));
  report = await importClaudePaths(ws, [project], { project: 'Shared' });
});
after(() => ws.close());

test('two sessions in one actions.jsonl: the lost parent is rebuilt from its line, the nested child keeps its lines', async () => {
  assert.ok(
    report.sources.every((s) => s.status === 'imported'),
    JSON.stringify(report.sources),
  );
  const sessions = await ws.all(
    `SELECT session_id, agent_type, query, parent_session_id, depth FROM provenance_sessions ORDER BY start_time`,
  );
  assert.deepEqual(
    sessions.map((s) => [s.session_id, s.agent_type, s.parent_session_id, s.depth]),
    [
      [P, 'MediaFormulationAgent', null, 0],
      [C, 'ChemistryAgent', P, 1],
      [F, 'LiteratureAgent', null, 0],
    ],
  );
  const per = await ws.all(`SELECT session_id, count(*) n FROM provenance_events GROUP BY 1 ORDER BY 1`);
  assert.deepEqual(
    per.map((r) => [r.session_id, Number(r.n)]),
    [
      [P, 1],
      [C, 4],
      [F, 3],
    ],
  );
  // action_id restarts at 1 for the child: sequence numbers are per session
  const seq = await ws.all(`SELECT sequence_number FROM provenance_events WHERE session_id = ? ORDER BY 1`, [
    C,
  ]);
  assert.deepEqual(
    seq.map((r) => r.sequence_number),
    [1, 2, 3, 4],
  );
  const [info] = await ws.all(`SELECT flavour, folder FROM provex_session_info WHERE session_id = ?`, [P]);
  assert.deepEqual({ ...info }, { flavour: 'actions-only', folder: '2026-02-01-10-00' });
  const warn = report.sources.find((s) => s.kind === 'actions-jsonl' && s.path.includes('10-00/'))!.warnings;
  assert.ok(
    warn.some((w) => w.message.includes(P)),
    JSON.stringify(warn),
  );
});

test('duration_ms null and timestamps with 0, 3 and 6 fraction digits are kept', async () => {
  const [call] = await ws.all(
    `SELECT duration_ms, event_id, call_time FROM provenance_tool_calls WHERE session_id = ?`,
    [C],
  );
  assert.equal(call!.duration_ms, null);
  assert.equal(call!.event_id, 'aaaaaaaa-0000-4000-8000-000000000003');
  const ts = await ws.all(
    `SELECT CAST(timestamp AS VARCHAR) t FROM provenance_events WHERE session_id = ? ORDER BY 1`,
    [F],
  );
  assert.deepEqual(
    ts.map((r) => r.t),
    ['2026-02-01 10:00:30', '2026-02-01 10:00:31.25', '2026-02-01 10:00:31.3'],
  );
});

test('a failed session: success false from the manifest and agent_end, never from status', async () => {
  const [s] = await ws.all(
    `SELECT success, error_message, duration_ms FROM provenance_sessions WHERE session_id = ?`,
    [F],
  );
  assert.equal(s!.success, false);
  assert.equal(s!.error_message, 'HTTPError 503: Service Unavailable');
  assert.equal(s!.duration_ms, 1300);
  const [end] = await ws.all(
    `SELECT details FROM provenance_events WHERE session_id = ? AND event_name = 'agent_end'`,
    [F],
  );
  assert.equal(JSON.parse(String(end!.details)).success, false);
  const [info] = await ws.all(
    `SELECT folder, summary_md, manifest FROM provex_session_info WHERE session_id = ?`,
    [F],
  );
  assert.equal(info!.folder, '2026-02-01-10-00-2');
  assert.match(String(info!.summary_md), /✗ Failed/);
  assert.deepEqual(JSON.parse(String(info!.manifest)).custom_section, { kept: true });
});

test('one session folder alone imports that folder and the JSON manifest it needs', async () => {
  const w2 = await Workspace.open(join(tmp.dir, 'one.duckdb'));
  try {
    const r = await importClaudePaths(w2, [
      join(project, '.claude', 'provenance', 'sessions', '2026-02-01-10-00'),
    ]);
    assert.deepEqual(
      r.sources.map((s) => [s.kind, s.status]),
      [
        ['json-manifest', 'imported'],
        ['manifest-yaml', 'imported'],
        ['actions-jsonl', 'imported'],
      ],
    );
    const n = await w2.all(`SELECT count(*) n FROM provenance_sessions`);
    assert.equal(Number(n[0]!.n), 2);
    const [p] = await w2.all(`SELECT name, root_path FROM provex_projects`);
    assert.deepEqual({ ...p }, { name: 'MicroGrowAgents', root_path: project });
  } finally {
    w2.close();
  }
});
