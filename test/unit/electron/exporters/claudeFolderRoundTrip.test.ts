import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { writeClaudeFolder } from '../../../../electron/exporters/claude/writeFolder.js';
import { claudeFolderTar } from '../../../../electron/exporters/claude/writeFolder.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-export-');
after(tmp.cleanup);
const project = join(sharedFixtures, 'claude-provenance', 'project');
const TABLES = [
  'provenance_sessions',
  'provenance_events',
  'provenance_tool_calls',
  'provenance_decisions',
  'provenance_transformations',
  'provenance_entity_links',
];
const S1605 = '79443331-9357-4ae6-8378-b0e622fae3c8';
let first: Workspace;
let second: Workspace;
const exported = join(tmp.dir, 'exported-project');

async function rows(ws: Workspace, table: string): Promise<string[]> {
  const r = await ws.all(`SELECT * FROM ${table}`);
  return r.map((x) => JSON.stringify(x)).sort();
}

before(async () => {
  first = await Workspace.open(join(tmp.dir, 'first.duckdb'));
  const r1 = await importClaudePaths(first, [project]);
  assert.deepEqual(r1.errors, []);
  const ids = (await first.all(`SELECT session_id FROM provenance_sessions ORDER BY session_id`)).map((r) =>
    String(r.session_id),
  );
  await writeClaudeFolder(first, ids, exported);
  second = await Workspace.open(join(tmp.dir, 'second.duckdb'));
  const r2 = await importClaudePaths(second, [exported]);
  assert.deepEqual(r2.errors, []);
});
after(() => {
  first?.close();
  second?.close();
});

for (const table of TABLES) {
  test(`re-importing the exported folder gives back every ${table} row`, async () => {
    const a = await rows(first, table);
    assert.ok(table !== 'provenance_sessions' || a.length === 3);
    assert.deepEqual(await rows(second, table), a);
  });
}

test('session bookkeeping survives: folder, flavour, summary text, manifest', async () => {
  const q = `SELECT session_id, folder, flavour, summary_md, manifest FROM provex_session_info ORDER BY session_id`;
  assert.deepEqual(await second.all(q), await first.all(q));
});

test('the exported tree has the reference layout and the reference jq one-liners work on it', () => {
  const root = join(exported, '.claude', 'provenance');
  assert.deepEqual(readdirSync(join(root, 'sessions')).sort(), [
    '.gitkeep',
    '2026-01-10-21-16',
    '2026-01-11-07-08',
    '2026-01-13-16-05',
  ]);
  const folder = join(root, 'sessions', '2026-01-13-16-05');
  assert.deepEqual(readdirSync(folder).sort(), ['actions.jsonl', 'manifest.yaml', 'summary.md']);
  const manifest = parse(readFileSync(join(folder, 'manifest.yaml'), 'utf8')) as {
    session: { database_session_id: string };
  };
  assert.equal(manifest.session.database_session_id, S1605);
  const json = readFileSync(join(root, `${S1605}.json`), 'utf8');
  assert.ok(!json.endsWith('\n'), 'json.dump writes no trailing newline');
  assert.deepEqual(Object.keys(JSON.parse(json) as object), [
    'manifest_version',
    'session',
    'environment',
    'execution_trace',
    'tool_calls',
    'decisions',
    'transformations',
    'entity_links',
  ]);
  const actions = join(folder, 'actions.jsonl');
  const types = execFileSync('sh', ['-c', `cat '${actions}' | jq -r '.type' | sort | uniq -c`], {
    encoding: 'utf8',
  });
  assert.match(types, /\d+ query/);
  const hits = execFileSync('sh', ['-c', `cat '${actions}' | jq -c 'select(.details.cache_hit == true)'`], {
    encoding: 'utf8',
  });
  assert.equal(hits.trim().split('\n').length, 1);
  // Lines carry the Python json.dumps spacing.
  assert.match(
    readFileSync(actions, 'utf8').split('\n')[0]!,
    /^\{"timestamp": "2026-01-13T16:05:12\.\d+Z", "action_id": 1, /,
  );
});

test('the hand-written session comes back as its manifest and summary only', () => {
  const folder = join(exported, '.claude', 'provenance', 'sessions', '2026-01-10-21-16');
  assert.deepEqual(readdirSync(folder).sort(), ['manifest.yaml', 'summary.md']);
  const original = join(project, '.claude', 'provenance', 'sessions', '2026-01-10-21-16');
  assert.equal(
    readFileSync(join(folder, 'summary.md'), 'utf8'),
    readFileSync(join(original, 'summary.md'), 'utf8'),
  );
  assert.deepEqual(
    parse(readFileSync(join(folder, 'manifest.yaml'), 'utf8'), { version: '1.2', schema: 'core' }),
    parse(readFileSync(join(original, 'manifest.yaml'), 'utf8'), { version: '1.2', schema: 'core' }),
  );
});

test('the tar archive holds the same files', async () => {
  const bytes = await claudeFolderTar(first, [S1605]);
  assert.equal(bytes.length % 512, 0);
  const listing = execFileSync('tar', ['-tf', '-'], { input: bytes, encoding: 'utf8' });
  assert.match(listing, new RegExp(`\\.claude/provenance/${S1605}\\.json`));
  assert.match(listing, /\.claude\/provenance\/sessions\/2026-01-13-16-05\/actions\.jsonl/);
});
