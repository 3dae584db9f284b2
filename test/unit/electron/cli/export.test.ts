import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { provex } from '../../../helpers/cli.js';
import { chainB, golden, readExport } from '../../../helpers/crucible.js';
import { buildSmallDb } from '../../../helpers/goTasks.js';
import { saveChain } from '../../../../electron/store/chainRepository.js';
import { Service } from '../../../../electron/service.js';
import { chainText } from '../../../../shared/export/exportText.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-cli-export-');
after(tmp.cleanup);
const db = join(tmp.dir, 'ws.duckdb');
const GOLDEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
let chainBKey = '';
const S1605 = '79443331-9357-4ae6-8378-b0e622fae3c8';
const run = (...args: string[]) => provex(['export', ...args, '--db', db], tmp.dir);

before(async () => {
  const ws = await Workspace.open(db);
  assert.deepEqual(
    (await importClaudePaths(ws, [join(sharedFixtures, 'claude-provenance', 'project')])).errors,
    [],
  );
  await saveChain(ws, golden());
  chainBKey = await saveChain(ws, chainB());
  await ws.checkpoint();
  ws.close();
  const tasks = join(tmp.dir, 'small.sqlite');
  writeFileSync(tasks, await buildSmallDb());
  const r = provex(['import', tasks, '--db', db], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
});

for (const [format, file] of [
  ['mermaid-flowchart', 'golden.flowchart.mmd'],
  ['mermaid-sequence', 'golden.sequence.mmd'],
  ['mermaid-timeline', 'golden.timeline.mmd'],
  ['mermaid-graph', 'golden.graph.mmd'],
  ['crucible-json', 'golden.export.json'],
  ['crucible-markdown', 'golden.md'],
  ['crucible-csv', 'golden.csv'],
  ['html', 'golden.viewer.html'],
] as const) {
  test(`export chain --format ${format} equals ${file} byte for byte`, () => {
    const r = run('chain', GOLDEN, '--format', format);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, readExport(file));
  });
}

test('--mermaid-safe: the four chain diagrams in the text Mermaid renders; other formats unchanged', () => {
  for (const format of ['mermaid-flowchart', 'mermaid-sequence', 'mermaid-timeline', 'mermaid-graph']) {
    const r = run('chain', GOLDEN, '--format', format, '--mermaid-safe');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, chainText(golden(), format, { compat: 'mermaid' }), format);
  }
  // The two the reference gets wrong differ from it; the flowchart keeps its structure.
  assert.notEqual(
    run('chain', GOLDEN, '--format', 'mermaid-sequence', '--mermaid-safe').stdout,
    readExport('golden.sequence.mmd'),
  );
  assert.doesNotMatch(run('chain', GOLDEN, '--format', 'mermaid-timeline', '--mermaid-safe').stdout, / : \n/);
  assert.equal(
    run('chain', GOLDEN, '--format', 'crucible-markdown', '--mermaid-safe').stdout,
    readExport('golden.md'),
  );
  // Our own generators always render: the flag changes nothing for them.
  assert.equal(
    run('diff', GOLDEN, chainBKey, '--format', 'mermaid-flowchart', '--mermaid-safe').stdout,
    run('diff', GOLDEN, chainBKey, '--format', 'mermaid-flowchart').stdout,
  );
});

test('over the contract (the app), chain diagrams are the render-safe variant', async () => {
  const ws = await Workspace.open(db);
  try {
    const service = new Service(ws);
    const file = await service['export/chain']({ chain_id: GOLDEN, format: 'mermaid-timeline' });
    assert.equal(file.content, chainText(golden(), 'mermaid-timeline', { compat: 'mermaid' }));
    assert.equal(file.file_name, 'State-Manager-Implementation.timeline.mmd');
    const json = await service['export/chain']({ chain_id: GOLDEN, format: 'crucible-json' });
    assert.equal(json.content, readExport('golden.export.json'));
  } finally {
    ws.close();
  }
});

test('-o writes the same bytes to a file; an existing file needs --force', () => {
  const out = join(tmp.dir, 'golden.mmd');
  assert.equal(run('chain', GOLDEN, '--format', 'mermaid-flowchart', '-o', out).code, 0);
  assert.equal(readFileSync(out, 'utf8'), readExport('golden.flowchart.mmd'));
  const again = run('chain', GOLDEN, '--format', 'mermaid-flowchart', '-o', out);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /exists \(use --force/);
  assert.equal(run('chain', GOLDEN, '--format', 'mermaid-flowchart', '-o', out, '--force').code, 0);
});

test('format and subject combinations that do not exist are clear errors', () => {
  const gantt = run('chain', GOLDEN, '--format', 'mermaid-gantt');
  assert.equal(gantt.code, 1);
  assert.match(
    gantt.stderr,
    /format 'mermaid-gantt' does not exist for chain: choose one of mermaid-flowchart/,
  );
  const unknown = run('session', S1605, '--format', 'pdf');
  assert.match(unknown.stderr, /unknown format 'pdf'/);
  const subject = run('widgets', '--format', 'json');
  assert.match(subject.stderr, /export needs a subject: one of sessions, session/);
  const missing = run('chain', 'nope', '--format', 'mermaid-flowchart');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no chain 'nope'/);
  const binary = run('tasks', '1', '--format', 'sqlite');
  assert.match(binary.stderr, /sqlite is binary: give the output file with -o/);
});

test('a session as a sequence diagram, a Gantt chart, PROV-JSON and PROV-N', () => {
  const seq = run('session', S1605, '--format', 'mermaid-sequence');
  assert.equal(seq.code, 0, seq.stderr);
  assert.match(seq.stdout, /^sequenceDiagram\n {4}participant A0 as MediaFormulationAgent\n/);
  const gantt = run('session', S1605, '--format', 'mermaid-gantt');
  assert.match(gantt.stdout, /^gantt\n/);
  const json = JSON.parse(run('session', S1605, '--format', 'prov-json').stdout) as Record<string, object>;
  assert.ok(json.prefix && json.activity && json.wasAssociatedWith);
  assert.match(run('session', S1605, '--format', 'prov-n').stdout, /^document\n[\s\S]*\nendDocument\n$/);
});

test('the task graph as a flowchart with status classes, and as a Go tracker file', () => {
  const r = run('tasks', '1', '--format', 'mermaid-flowchart');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^flowchart TD\n/);
  assert.match(r.stdout, /:::(ready|blocked|closed|in_progress)\n/);
  assert.match(r.stdout, /classDef blocked /);
  const out = join(tmp.dir, 'graph.sqlite');
  assert.equal(run('tasks', '1', '--format', 'sqlite', '-o', out).code, 0);
  assert.equal(readFileSync(out).subarray(0, 15).toString(), 'SQLite format 3');
});

test('a chain diff as a flowchart with added, removed and modified classes', () => {
  const r = run('diff', GOLDEN, chainBKey, '--format', 'mermaid-flowchart');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /:::modified/);
  assert.match(r.stdout, /:::added/);
  assert.match(r.stdout, /classDef removed /);
});

test('query results as CSV, JSON and Parquet; writes are refused with the guard message', () => {
  const sql = 'SELECT session_id, duration_ms FROM provenance_sessions ORDER BY session_id';
  const csv = run('query', sql, '--format', 'csv');
  assert.equal(csv.code, 0, csv.stderr);
  assert.equal(csv.stdout.split('\n')[0], 'session_id,duration_ms');
  assert.equal(csv.stdout.trim().split('\n').length, 4);
  const json = JSON.parse(run('query', sql, '--format', 'json').stdout) as { session_id: string }[];
  assert.equal(json.length, 3);
  const out = join(tmp.dir, 'sessions.parquet');
  const pq = run('query', sql, '--format', 'parquet', '-o', out);
  assert.equal(pq.code, 0, pq.stderr);
  assert.equal(readFileSync(out).subarray(0, 4).toString(), 'PAR1');
  const back = provex(
    ['query', `SELECT count(*) AS n FROM provenance_sessions`, '--format', 'csv', '--db', db],
    tmp.dir,
  );
  assert.equal(back.code, 0);
  const refused = run(
    'query',
    'DELETE FROM provenance_sessions',
    '--format',
    'parquet',
    '-o',
    join(tmp.dir, 'x.parquet'),
  );
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /read-only: writes \(DELETE\) refused/);
  assert.equal(existsSync(join(tmp.dir, 'x.parquet')), false);
});

test('sessions to a .claude/provenance folder', () => {
  const out = join(tmp.dir, 'exported');
  const r = run('session', S1605, '--format', 'claude-provenance', '-o', out);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(out, '.claude', 'provenance', `${S1605}.json`)));
  assert.ok(existsSync(join(out, '.claude', 'provenance', 'sessions', '2026-01-13-16-05', 'actions.jsonl')));
});
