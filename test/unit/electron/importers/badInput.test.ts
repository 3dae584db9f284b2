import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../../electron/store/workspace.js';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import type { ImportReport, SourceOutcome } from '../../../../shared/model/imports.js';
import { ownFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const bad = join(ownFixtures, 'bad');
let ws: Workspace;
before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'bad.duckdb'));
});
after(() => ws.close());

const run = (path: string): Promise<ImportReport> => importClaudePaths(ws, [path]);
const source = (r: ImportReport, name: string): SourceOutcome => {
  const s = r.sources.find((x) => x.path.endsWith(name));
  assert.ok(s, `${name} not in ${JSON.stringify(r.sources.map((x) => x.path))}`);
  return s;
};
const events = async (sid: string): Promise<number> =>
  Number((await ws.all(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [sid]))[0]!.n);

test('truncated last line: skipped with a warning naming file and line, the rest imported', async () => {
  const r = await run(join(bad, 'truncated-last-line'));
  const a = source(r, 'actions.jsonl');
  assert.equal(a.status, 'imported');
  assert.deepEqual(
    a.warnings.map((w) => [w.line, w.message]),
    [[3, 'truncated last line skipped']],
  );
  assert.equal(await events('44444444-0000-4000-8000-000000000001'), 2);
});

test('invalid JSON in the middle: that line rejected with file:line, the other lines kept', async () => {
  const r = await run(join(bad, 'invalid-json-middle'));
  const a = source(r, 'actions.jsonl');
  assert.equal(a.status, 'imported');
  assert.deepEqual(
    a.rejected.map((x) => x.line),
    [2],
  );
  assert.match(a.rejected[0]!.message, /^invalid JSON/);
  assert.equal(await events('44444444-0000-4000-8000-000000000002'), 2);
});

test('wrong types: each bad line rejected with the field named', async () => {
  const r = await run(join(bad, 'wrong-types'));
  const a = source(r, 'actions.jsonl');
  assert.deepEqual(
    a.rejected.map((x) => [x.line, x.message.split(':')[0]]),
    [
      [2, 'action_id'],
      [3, 'timestamp'],
    ],
  );
  assert.equal(await events('44444444-0000-4000-8000-000000000003'), 2);
});

test('binary garbage: the file rejected, the folder manifest still imported', async () => {
  const r = await run(join(bad, 'binary'));
  assert.match(source(r, 'actions.jsonl').reason!, /binary\/actions\.jsonl:1: binary content/);
  assert.equal(source(r, 'manifest.yaml').status, 'imported');
});

test('non-UTF-8 bytes: the file rejected with the line of the first bad byte', async () => {
  const r = await run(join(bad, 'non-utf8'));
  assert.match(source(r, 'actions.jsonl').reason!, /non-utf8\/actions\.jsonl:3: not valid UTF-8/);
});

test('an empty action log imports nothing and says so', async () => {
  const r = await run(join(bad, 'empty-actions'));
  const a = source(r, 'actions.jsonl');
  assert.deepEqual([a.status, a.warnings[0]?.message], ['imported', 'no action lines']);
});

test('invalid YAML: rejected with the line the YAML parser reports', async () => {
  const r = await run(join(bad, 'invalid-yaml'));
  assert.match(source(r, 'manifest.yaml').reason!, /invalid-yaml\/manifest\.yaml:\d+: invalid YAML/);
});

test('an empty manifest is rejected', async () => {
  const r = await run(join(bad, 'empty-manifest'));
  assert.match(source(r, 'manifest.yaml').reason!, /empty-manifest\/manifest\.yaml: empty file/);
});

test('a manifest with a wrongly typed date is rejected naming the key', async () => {
  const r = await run(join(bad, 'wrong-manifest-types'));
  assert.match(source(r, 'manifest.yaml').reason!, /session\.date_started: expected a string/);
});

test('a truncated JSON manifest is treated as missing: rejected with file:line, the folder imports', async () => {
  const r = await run(join(bad, 'truncated-json'));
  assert.match(source(r, '.json').reason!, /\.json:\d+: invalid JSON/);
  assert.equal(source(r, 'actions.jsonl').status, 'imported');
  assert.equal(await events('44444444-0000-4000-8000-000000000009'), 2);
});

test('a line over 10 MB is rejected, the lines around it kept', async () => {
  const dir = join(tmp.dir, 'long-line');
  cpSync(join(bad, 'truncated-last-line'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.yaml'),
    `session:\n  database_session_id: long-line-session\n  date_started: '2026-03-01T09:00:00Z'\n`,
  );
  const line = (n: number, msg: string): string =>
    JSON.stringify({
      timestamp: '2026-03-01T09:00:00Z',
      action_id: n,
      type: 'read',
      tool: 'log_info',
      status: 'success',
      details: { message: msg },
      database_event_id: `long-${n}`,
    });
  writeFileSync(
    join(dir, 'actions.jsonl'),
    [line(1, 'a'), line(2, 'x'.repeat(10 * 1024 * 1024 + 1)), line(3, 'c')].join('\n') + '\n',
  );
  const r = await run(dir);
  const a = source(r, 'actions.jsonl');
  assert.deepEqual(
    a.rejected.map((x) => [x.line, /^line too long/.test(x.message)]),
    [[2, true]],
  );
  assert.equal(await events('long-line-session'), 2);
});

test('a symlink loop among the session folders is reported; the other folders import', async () => {
  const root = join(tmp.dir, 'loop', '.claude', 'provenance', 'sessions');
  mkdirSync(root, { recursive: true });
  cpSync(join(bad, 'truncated-last-line'), join(root, '2026-03-01-09-00'), { recursive: true });
  symlinkSync(join(root, 'loop'), join(root, 'loop'));
  const r = await run(join(tmp.dir, 'loop'));
  assert.deepEqual(
    r.errors.map((e) => [e.path.endsWith('loop'), e.message]),
    [[true, 'symbolic link loop']],
  );
  assert.equal(source(r, 'actions.jsonl').status, 'imported');
});

test('an unreadable file (a folder where manifest.yaml should be) is rejected', async () => {
  // Tests run as root, where chmod 000 does not stop reads: a directory is unreadable as a file.
  const dir = join(tmp.dir, 'dir-as-file');
  mkdirSync(join(dir, 'manifest.yaml'), { recursive: true });
  const r = await run(dir);
  assert.match(source(r, 'manifest.yaml').reason!, /manifest\.yaml: is a directory, expected a file/);
});

test('a path that does not exist is reported and imports nothing', async () => {
  const r = await run(join(tmp.dir, 'nope'));
  assert.deepEqual([r.sources.length, r.errors[0]?.message], [0, 'does not exist (or is a dangling link)']);
});
