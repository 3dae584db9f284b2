import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Workspace } from '../../../../electron/store/workspace.js';
import { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';
import { tempDir } from '../../../helpers/paths.js';
import { runLoad, type LoadResult } from './loadWorkload.js';
import { readJsonManifest, readSessionFolders } from './readBack.js';

const tmp = tempDir('provex-concurrency-');
after(tmp.cleanup);
const here = dirname(fileURLToPath(import.meta.url));

/** Every expected event is in the DB and in the files exactly once, each session complete. */
async function assertComplete(dbPath: string, root: string, expected: LoadResult): Promise<void> {
  const ws = await Workspace.open(dbPath, { readOnly: true });
  try {
    const counts = await ws.all(
      `SELECT session_id, COUNT(*) AS n, COUNT(DISTINCT event_id) AS d, MIN(sequence_number) AS lo, MAX(sequence_number) AS hi FROM provenance_events GROUP BY session_id`,
    );
    assert.equal(counts.length, expected.sessionIds.length, 'sessions with events');
    for (const c of counts) {
      const want = expected.expectedEvents[String(c.session_id)];
      assert.deepEqual([Number(c.n), Number(c.d), c.lo, c.hi], [want, want, 1, want], String(c.session_id));
    }
    const [dup] = await ws.all(`SELECT COUNT(*) - COUNT(DISTINCT event_id) AS dups FROM provenance_events`);
    assert.equal(Number(dup!.dups), 0);
    const [ended] = await ws.all(
      `SELECT COUNT(*) AS n FROM provenance_sessions WHERE end_time IS NOT NULL AND success`,
    );
    assert.equal(Number(ended!.n), expected.sessionIds.length);
    const byDepth = await ws.all(
      `SELECT depth, COUNT(*) AS n FROM provenance_sessions GROUP BY depth ORDER BY depth`,
    );
    const roots = expected.sessionIds.length / 3;
    assert.deepEqual(
      byDepth.map((r) => [r.depth, Number(r.n)]),
      [
        [0, roots],
        [1, roots],
        [2, roots],
      ],
    );
    // Tool calls and decisions: one row per event of that kind, joined by event_id.
    const [orphans] = await ws.all(
      `SELECT COUNT(*) AS n FROM provenance_tool_calls c LEFT JOIN provenance_events e ON e.event_id = c.event_id WHERE e.event_id IS NULL`,
    );
    assert.equal(Number(orphans!.n), 0);
    const [linkIds] = await ws.all(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT link_id) AS d FROM provenance_entity_links`,
    );
    assert.equal(linkIds!.n, linkIds!.d);

    const dbEvents = new Set(
      (await ws.all(`SELECT event_id FROM provenance_events`)).map((r) => String(r.event_id)),
    );
    const folders = readSessionFolders(root);
    assert.equal(folders.length, expected.sessionIds.length, 'one folder per session');
    assert.equal(new Set(folders.map((f) => f.folder)).size, folders.length);
    const seen = new Set<string>();
    for (const f of folders) {
      const id = String(f.manifest.session.database_session_id);
      assert.equal(f.tornLastLine, false);
      assert.equal(f.lines.length, expected.expectedEvents[id], `${f.folder} lines`);
      assert.equal(readJsonManifest(root, id).execution_trace.length, f.lines.length);
      f.lines.forEach((l, i) => {
        assert.equal(l.action_id, i + 1);
        const eid = String(l.database_event_id);
        assert.ok(!seen.has(eid), `event ${eid} twice in the files`);
        assert.ok(dbEvents.has(eid), `event ${eid} missing from the DB`);
        seen.add(eid);
      });
    }
    assert.equal(seen.size, dbEvents.size);
  } finally {
    ws.close();
  }
}

test('8 concurrent sessions x 2,000 events, nested 3 deep, in one process', async () => {
  const projectRoot = join(tmp.dir, 'one');
  const dbPath = join(projectRoot, 'db.duckdb');
  const tracker = new ProvenanceTracker({ dbPath, projectRoot });
  const kinds: string[] = [];
  tracker.diagnostics.on('diagnostic', (d: { kind: string }) => kinds.push(d.kind));
  const result = await runLoad(tracker, { sessions: 8, eventsPerSession: 2000, tag: 'one' });
  assert.deepEqual(await tracker.close(), { ok: true, pendingRows: 0 });
  assert.deepEqual(kinds, []);
  assert.equal(result.sessionIds.length, 24);
  await assertComplete(dbPath, join(projectRoot, '.claude', 'provenance'), result);
});

function runChild(args: string[]): Promise<LoadResult & { flush: { ok: boolean }; diagnostics: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'loadChild.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as LoadResult & { flush: { ok: boolean }; diagnostics: string[] });
    });
  });
}

test('the same load split across 2 processes writing one DB file and one folder', async () => {
  const projectRoot = join(tmp.dir, 'two');
  const dbPath = join(projectRoot, 'db.duckdb');
  const [a, b] = await Promise.all([
    runChild([dbPath, projectRoot, '4', '2000', 'A']),
    runChild([dbPath, projectRoot, '4', '2000', 'B']),
  ]);
  assert.equal(a!.flush.ok, true);
  assert.equal(b!.flush.ok, true);
  // Lock conflicts are expected and retried; nothing else may go wrong.
  assert.deepEqual(
    [...a!.diagnostics, ...b!.diagnostics].filter((k) => k !== 'db-locked'),
    [],
  );
  const merged: LoadResult = {
    sessionIds: [...a!.sessionIds, ...b!.sessionIds],
    expectedEvents: { ...a!.expectedEvents, ...b!.expectedEvents },
  };
  await assertComplete(dbPath, join(projectRoot, '.claude', 'provenance'), merged);
  const ws = await Workspace.open(dbPath, { readOnly: true });
  const [projects] = await ws.all(`SELECT COUNT(*) AS n FROM provex_projects`);
  const [sources] = await ws.all(`SELECT COUNT(*) AS n FROM provex_sources`);
  ws.close();
  assert.deepEqual([Number(projects!.n), Number(sources!.n)], [1, 1]);
});
