import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  NotTaskDatabaseError,
  readGoTasksBytes,
  readGoTasksFile,
} from '../../../../electron/importers/goTasks/index.js';
import {
  REFERENCE_DDL,
  REFERENCE_SEEDS,
  storedSchemaText,
} from '../../../../electron/importers/goTasks/referenceSchema.js';
import { loadSqlJs, rowsOf } from '../../../../electron/importers/goTasks/sqlJs.js';
import { buildTaskIndex, ready } from '../../../../shared/tasks/index.js';
import { buildSmallDb, H, handleOf } from '../../../helpers/goTasks.js';
import { ownFixtures, sharedDir, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);

/** The statements of a ```sql block of the spec, split where each line starts with `start`. */
function specBlock(section: string, start: string): string[] {
  const spec = readFileSync(join(sharedDir, 'formats', 'go-task-provenance.md'), 'utf8');
  const from = spec.indexOf(section);
  const open = spec.indexOf('```sql\n', from) + 7;
  const body = spec.slice(open, spec.indexOf('\n```', open));
  const out: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith(start) || out.length === 0) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

test('the DDL and seeds we carry are the spec text, byte for byte', () => {
  assert.deepEqual(REFERENCE_DDL, specBlock('## 3. Schema', 'CREATE'));
  assert.equal(REFERENCE_DDL.length, 33);
  assert.deepEqual(REFERENCE_SEEDS, specBlock('## 4. Reference seeds', 'INSERT'));
  assert.ok(
    REFERENCE_DDL.some((s) => s.includes('\t\t\tid          INTEGER PRIMARY KEY,')),
    'tabs kept',
  );
});

test('small.sql loads as a writable classic graph whose schema text is the reference DDL', async () => {
  const bytes = await buildSmallDb();
  const g = await readGoTasksBytes(bytes, { name: 'small' });
  assert.equal(g.generation, 'classic');
  assert.equal(g.read_only, false);
  assert.deepEqual(g.warnings, []);
  assert.equal(g.name, 'small');
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  const stored = rowsOf(db, `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`).map(
    (r) => r.sql,
  );
  db.close();
  assert.deepEqual(stored, REFERENCE_DDL.map(storedSchemaText));
});

test('every *_at value is an exact bigint past 2^53', async () => {
  const g = await readGoTasksBytes(await buildSmallDb());
  const all = [
    ...g.tasks.flatMap((t) => [t.created_at, t.updated_at, t.closed_at]),
    ...g.edges.map((e) => e.created_at),
    ...g.activities.flatMap((a) => [a.started_at, a.ended_at]),
    ...g.comments.map((c) => c.created_at),
  ].filter((x): x is bigint => x !== null);
  assert.equal(all.length, 6 * 2 + 2 + 10 + 3 + 1);
  for (const v of all) assert.ok(typeof v === 'bigint' && v > 2n ** 53n);
  assert.equal(g.edges.find((e) => e.target_id === H.ACT_CI)!.created_at, 1777892460902461093n);
  assert.equal(g.comments[0]!.created_at, 1777890660530926118n);
});

test('ML agents are resolved through ml_models and providers (legacy model id 0 included)', async () => {
  const extra = `
    INSERT INTO ml_models (id, provider_id, name) VALUES (0, 0, 'claude_opus_4');
    INSERT INTO agents (id, kind_id) VALUES ('bots--019df237-3f09-766e-b64e-000000000001', 1);
    INSERT INTO agents_ml (agent_id, role_id, model_id) VALUES ('bots--019df237-3f09-766e-b64e-000000000001', 3, (SELECT id FROM ml_models WHERE name = 'claude-sonnet-4-6'));
    INSERT INTO agents (id, kind_id) VALUES ('bots--019df237-3f09-766e-b64e-000000000002', 1);
    INSERT INTO agents_ml (agent_id, role_id, model_id) VALUES ('bots--019df237-3f09-766e-b64e-000000000002', 4, 0);`;
  const g = await readGoTasksBytes(await buildSmallDb(extra));
  const ml = g.agents.filter((a) => a.kind === 'machine_learning');
  assert.deepEqual(ml, [
    {
      kind: 'machine_learning',
      id: 'bots--019df237-3f09-766e-b64e-000000000001',
      role: 'worker',
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
    },
    {
      kind: 'machine_learning',
      id: 'bots--019df237-3f09-766e-b64e-000000000002',
      role: 'reviewer',
      provider: 'anthropic',
      model: 'claude_opus_4',
    },
  ]);
  assert.deepEqual(g.warnings, []);
});

test('unknown enum values read as Status(7) and bad ids are kept and reported', async () => {
  const extra = `
    PRAGMA foreign_keys=OFF;
    INSERT INTO tasks (id, namespace, title, status_id, priority_id, type_id, phase_id, created_at, updated_at)
      VALUES ('not-an-id', 'not', 'odd', 7, 9, 2, 12, 1777892460902345118, 1777892460902345118);
    INSERT INTO agents (id, kind_id) VALUES ('--019df237-3f09-766e-b64e-2ec636ec8a8f', 0);`;
  const g = await readGoTasksBytes(await buildSmallDb(extra));
  const odd = g.tasks.find((t) => t.id === 'not-an-id')!;
  assert.equal(odd.status, 'Status(7)');
  assert.equal(odd.priority, 'Priority(9)');
  const w = g.warnings.join('\n');
  assert.match(w, /task not-an-id: invalid id 'not-an-id'/);
  assert.match(w, /unknown Status value 7, shown as Status\(7\)/);
  assert.match(w, /agent --019df237.*empty namespace/);
  assert.match(w, /agent --019df237.*no human row/);
  // Status(7) is not closed, so the task is Ready (SQL: status_id != 2).
  assert.ok(ready(buildTaskIndex(g.tasks, g.edges)).some((t) => t.id === 'not-an-id'));
});

test('journal generation (v0.0.3+): imported, marked read-only, extra columns ignored', async () => {
  for (const extra of [
    `CREATE TABLE journal (journal_id INTEGER PRIMARY KEY, kind_id INTEGER NOT NULL) STRICT;
     ALTER TABLE tasks ADD COLUMN last_journal_id INTEGER REFERENCES journal(journal_id);
     CREATE TABLE plans (id TEXT PRIMARY KEY) STRICT;`,
    `ALTER TABLE tasks ADD COLUMN last_journal_id INTEGER;`,
  ]) {
    const g = await readGoTasksBytes(await buildSmallDb(extra), { name: 'j.db' });
    assert.equal(g.generation, 'journal');
    assert.equal(g.read_only, true);
    assert.match(g.warnings.join('\n'), /j\.db: journal generation.*read-only/);
    assert.equal(g.tasks.length, 6);
    assert.deepEqual(
      ready(buildTaskIndex(g.tasks, g.edges)).map((t) => handleOf(t.id)),
      ['F', 'D'],
    );
  }
});

test('extended classic (plans, derivation tables or activities.plan_id) is read-only', async () => {
  for (const extra of [
    `CREATE TABLE plans (id TEXT PRIMARY KEY) STRICT;`,
    `CREATE TABLE derivation_kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;`,
    `ALTER TABLE activities ADD COLUMN plan_id TEXT;`,
  ]) {
    const g = await readGoTasksBytes(await buildSmallDb(extra));
    assert.equal(g.generation, 'extended_classic', extra);
    assert.equal(g.read_only, true);
  }
});

test('a lookup id mapped to another name makes the file read-only; extra rows do not', async () => {
  const bad = await readGoTasksBytes(await buildSmallDb(`UPDATE statuses SET name = 'done' WHERE id = 2;`));
  assert.equal(bad.generation, 'classic');
  assert.equal(bad.read_only, true);
  assert.match(bad.warnings.join('\n'), /statuses maps id 2 to 'done', not 'closed'/);
  const extra = await readGoTasksBytes(
    await buildSmallDb(`INSERT INTO providers (id, name) VALUES (4, 'mistral');`),
  );
  assert.equal(extra.read_only, false);
  assert.deepEqual(extra.warnings, []);
});

test("another program's SQLite file, a text file and an empty file are refused, naming the file", async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')`);
  const other = join(tmp.dir, 'notes.sqlite');
  writeFileSync(other, db.export());
  db.close();
  await assert.rejects(readGoTasksFile(other), (e: Error) => {
    assert.ok(e instanceof NotTaskDatabaseError);
    assert.ok(e.message.startsWith(`${other}: not a Go task-provenance database`), e.message);
    return true;
  });
  // A file with some of the tables is also refused and says which are missing.
  await assert.rejects(
    readGoTasksBytes(await buildSmallDb('DROP TABLE comments;'), { name: 'partial.db' }),
    /partial\.db: not a Go task-provenance database .*missing comments/,
  );
  const text = join(tmp.dir, 'readme.db');
  writeFileSync(
    text,
    'just some text, long enough to have a header of one hundred bytes or more. '.repeat(3),
  );
  await assert.rejects(readGoTasksFile(text), new RegExp(`${text}: not a SQLite database`));
  const empty = join(tmp.dir, 'empty.db');
  writeFileSync(empty, '');
  await assert.rejects(readGoTasksFile(empty), new RegExp(`${empty}: empty file`));
  await assert.rejects(
    readGoTasksFile(join(tmp.dir, 'missing.db')),
    /missing\.db: cannot read the file \(ENOENT\)/,
  );
});

// wal/small.db + small.db-wal were made by real SQLite (make-wal-fixture.py): two committed
// transactions (close D; label D) live only in the -wal file.
const WAL_DIR = join(ownFixtures, 'tasks', 'wal');
const D = H.D;

function copyWalFixture(name: string, wal: ((b: Buffer) => Buffer) | null): string {
  const db = join(tmp.dir, name);
  copyFileSync(join(WAL_DIR, 'small.db'), db);
  if (wal) writeFileSync(`${db}-wal`, wal(readFileSync(join(WAL_DIR, 'small.db-wal'))));
  return db;
}

test('committed rows that exist only in the -wal side file are read', async () => {
  const g = await readGoTasksFile(copyWalFixture('wal-full.db', (b) => b));
  const d = g.tasks.find((t) => t.id === D)!;
  assert.equal(d.status, 'closed');
  assert.equal(d.closed_at, 1777896000123456789n);
  assert.ok(g.labels.some((l) => l.task_id === D && l.name === 'area:types'));
  assert.match(g.warnings[0]!, /applied 4 committed frame\(s\) from the -wal side file/);
  assert.deepEqual(
    ready(buildTaskIndex(g.tasks, g.edges)).map((t) => handleOf(t.id)),
    ['F', 'C', 'B'],
  );
});

test('without the side file the last checkpoint is read; a torn or corrupt tail is skipped', async () => {
  const base = await readGoTasksFile(copyWalFixture('wal-none.db', null));
  assert.equal(base.tasks.find((t) => t.id === D)!.status, 'open');
  assert.deepEqual(base.warnings, []);
  const frame = 24 + 1024;
  // Drop the last frame: the second transaction has no commit frame any more.
  const torn = await readGoTasksFile(copyWalFixture('wal-torn.db', (b) => b.subarray(0, 32 + 3 * frame)));
  assert.equal(torn.tasks.find((t) => t.id === D)!.status, 'closed');
  assert.ok(!torn.labels.some((l) => l.name === 'area:types'));
  assert.match(torn.warnings[0]!, /applied 2 committed frame\(s\).*ignored 1 uncommitted or stale frame/);
  // Flip a byte in the third frame's page: its checksum fails, so it and everything after are ignored.
  const corrupt = await readGoTasksFile(
    copyWalFixture('wal-corrupt.db', (b) => {
      const c = Buffer.from(b);
      c[32 + 2 * frame + 24 + 100]! ^= 0xff;
      return c;
    }),
  );
  assert.equal(corrupt.tasks.find((t) => t.id === D)!.status, 'closed');
  assert.ok(!corrupt.labels.some((l) => l.name === 'area:types'));
  // A side file that is not a WAL at all is an error, not silently ignored.
  await assert.rejects(
    readGoTasksFile(copyWalFixture('wal-bad.db', (b) => Buffer.alloc(b.length, 1))),
    /not a SQLite write-ahead log/,
  );
});
