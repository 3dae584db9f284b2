import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Workspace } from '../../../../electron/store/workspace.js';
import { ProvenanceTracker, type TrackerDiagnostic } from '../../../../electron/tracker/tracker.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-diag-');
after(tmp.cleanup);
const here = dirname(fileURLToPath(import.meta.url));

async function holdDb(dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(here, 'holdDbChild.js'), dbPath], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HELD')) resolve();
    });
  });
  return child;
}

async function count(dbPath: string, table: string): Promise<number> {
  const ws = await Workspace.open(dbPath, { readOnly: true });
  const [r] = await ws.all(`SELECT COUNT(*) AS n FROM ${table}`);
  ws.close();
  return Number(r!.n);
}

test('a DB locked by another process: the agent never sees an error, rows wait and land later', async () => {
  const projectRoot = join(tmp.dir, 'locked');
  const dbPath = join(projectRoot, 'db.duckdb');
  const holder = await holdDb(dbPath);
  const seen: TrackerDiagnostic[] = [];
  const tracker = new ProvenanceTracker({
    dbPath,
    projectRoot,
    shareDb: true,
    maxFlushAttempts: 3,
    onDiagnostic: (d) => seen.push(d),
  });
  const result = await tracker.withSession('LockedAgent', 'write while locked', {}, async () => {
    for (let i = 0; i < 120; i++) tracker.log(`event ${i}`);
    return 'done';
  });
  assert.equal(result, 'done');
  const locked = seen.filter((d) => d.kind === 'db-locked');
  assert.ok(locked.length >= 3, 'each failed attempt is reported');
  assert.ok(locked.every((d) => (d.pendingRows ?? 0) > 0));
  assert.deepEqual(await tracker.flush().then((r) => r.ok), false);

  holder.stdin!.end();
  await once(holder, 'exit');
  assert.deepEqual(await tracker.flush(), { ok: true, pendingRows: 0 });
  await tracker.close();
  assert.equal(await count(dbPath, 'provenance_events'), 122);
  assert.equal(await count(dbPath, 'provenance_sessions'), 1);
});

test('one session that cannot be written does not hold back the others', async () => {
  const projectRoot = join(tmp.dir, 'poison');
  const dbPath = join(projectRoot, 'db.duckdb');
  const seen: TrackerDiagnostic[] = [];
  const tracker = new ProvenanceTracker({
    dbPath,
    projectRoot,
    maxFlushAttempts: 2,
    onDiagnostic: (d) => seen.push(d),
  });
  // A parent known only by an id that is in no DB: its row fails the foreign key.
  const orphan = tracker.startSession('OrphanAgent', 'parent elsewhere', {}, { parent: 'no-such-session' });
  assert.equal(orphan.depth, 1);
  // `startSession` made the orphan current here; this one is a root session of its own.
  await tracker.withSession(
    'GoodAgent',
    'fine',
    {},
    async () => {
      tracker.log('written');
    },
    { parent: null },
  );
  await orphan.end(true);
  const closed = await tracker.close();
  assert.equal(closed.ok, false);
  assert.ok(closed.pendingRows > 0);
  assert.ok(seen.some((d) => d.kind === 'db-write-failed' && /foreign key/i.test(d.message)));
  assert.ok(seen.some((d) => d.kind === 'db-unflushed'));
  const ws = await Workspace.open(dbPath, { readOnly: true });
  const sessions = await ws.all(`SELECT agent_type FROM provenance_sessions`);
  const events = await ws.all(`SELECT COUNT(*) AS n FROM provenance_events`);
  ws.close();
  assert.deepEqual(sessions, [{ agent_type: 'GoodAgent' }]);
  assert.equal(Number(events[0]!.n), 3);
});

test('record calls outside a session record nothing and never throw', async () => {
  const projectRoot = join(tmp.dir, 'none');
  const kinds: string[] = [];
  const tracker = new ProvenanceTracker({
    dbPath: join(projectRoot, 'db.duckdb'),
    projectRoot,
    onDiagnostic: (d) => kinds.push(d.kind),
  });
  assert.equal(tracker.recordEvent('log', 'log_info', {}), null);
  assert.equal(tracker.recordToolCall('api', 'x', {}), null);
  assert.equal(await tracker.trackToolCall('api', 'x', {}, () => 42), 42);
  await tracker.endSession(true);
  const s = tracker.startSession('A', 'q');
  await s.end(true);
  assert.equal(s.recordEvent('log', 'late', {}), null);
  await tracker.close();
  assert.deepEqual(kinds, ['no-session', 'no-session', 'no-session', 'no-session', 'session-ended']);
});
