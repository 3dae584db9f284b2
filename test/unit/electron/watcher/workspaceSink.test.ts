import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { listSessions } from '../../../../electron/store/sessionRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { ownFixtures, tempDir } from '../../../helpers/paths.js';
import { SHAPE, eventIdsOf, trackerLine, trackerLines } from './trackerLines.js';
import { until, watchedProject, writeJsonManifest, writeManifest } from './watchedProject.js';

const tmp = tempDir();
after(tmp.cleanup);
const here = dirname(fileURLToPath(import.meta.url));

function appendFromChild(
  file: string,
  count: number,
  first: number,
  mode = 'burst',
  paceMs = 5,
): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(here, 'appendTracker.js'), file, String(count), String(first), mode, String(paceMs)],
    { stdio: 'inherit' },
  );
  return new Promise((done, fail) =>
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`appender exited ${code}`)))),
  );
}

const EVENTS_BY_ID = `SELECT count(*) n FROM provenance_events`;
const DISTINCT_IDS = `SELECT count(DISTINCT event_id) n FROM provenance_events`;

for (const polling of [false, true]) {
  test(`lines appended in bursts by another process reach the workspace exactly once (${polling ? 'polling' : 'fs.watch'})`, async () => {
    const p = await watchedProject(tmp.dir, `burst-${polling}`, { polling });
    try {
      const S = randomUUID();
      const f = p.folder('2026-03-01-09-00');
      writeManifest(f, '2026-03-01-09-00', S);
      await until(() =>
        p.count(`SELECT count(*) n FROM provenance_sessions WHERE session_id = '${S}'`).then((n) => n === 1),
      );
      const file = join(f, 'actions.jsonl');
      writeFileSync(file, '');
      const N = 1200;
      await appendFromChild(file, N, 1);
      await until(() => p.count(EVENTS_BY_ID).then((n) => n >= N), 20_000, `${N} events`);
      await p.watcher.idle();
      assert.equal(await p.count(EVENTS_BY_ID), N, 'every line once');
      assert.equal(await p.count(DISTINCT_IDS), N);
      const ids = eventIdsOf(readFileSync(file, 'utf8'));
      assert.equal(ids.length, N);
      const inDb = await p.count(
        `SELECT count(*) n FROM provenance_events WHERE event_id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))`,
        [JSON.stringify(ids)],
      );
      assert.equal(inDb, N, 'the rows are exactly the lines of the file');
      assert.equal(
        await p.count(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [S]),
        N,
        'attributed to the manifest session (agent_start matches it)',
      );
      assert.equal(await p.count(`SELECT count(*) n FROM provenance_sessions`), 1, 'no provisional session');
      assert.equal(await p.count(`SELECT count(*) n FROM provenance_entity_links`), 2);
      assert.deepEqual(p.errors, []);

      const again = await importClaudePaths(p.ws, [p.root]);
      const log = again.sources.find((s) => s.path === file)!;
      assert.equal(log.status, 'unchanged', 'a full import finds the appended file unchanged');
      assert.equal(await p.count(EVENTS_BY_ID), N);
    } finally {
      p.close();
    }
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

test('a session without manifest: lines land on a provisional session, which the end-of-session manifests complete (latency printed)', async () => {
  const p = await watchedProject(tmp.dir, 'reference');
  try {
    const f = p.folder('2026-03-02-10-00');
    const file = join(f, 'actions.jsonl');
    const N = 300;
    await appendFromChild(file, N, 1, 'paced', 3);
    await until(() => p.count(EVENTS_BY_ID).then((n) => n === N), 20_000, `${N} events`);
    await p.watcher.idle();

    // Latency: from the line's write (stamped by the writer) to the commit that made its row visible.
    const arrived = new Map<string, number>();
    for (const { at, change } of p.changes)
      if (change.kind === 'appended') for (const id of change.eventIds) arrived.set(id, at);
    const written = await p.ws.all(
      `SELECT event_id, CAST(json_extract(details, '$.written_at') AS DOUBLE) AS w FROM provenance_events`,
    );
    const lat = written
      .filter((r) => arrived.has(String(r.event_id)))
      .map((r) => arrived.get(String(r.event_id))! - Number(r.w))
      .sort((a, b) => a - b);
    console.log(
      `# append -> row visible over ${lat.length} paced appends: p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms, max ${lat.at(-1)!.toFixed(1)} ms`,
    );
    assert.ok(lat.length > N / 2, `most lines arrived through the append path (${lat.length})`);

    const prov = await p.ws.all(
      `SELECT s.session_id, agent_type, query, i.flavour, i.folder FROM provenance_sessions s JOIN provex_session_info i USING (session_id)`,
    );
    assert.equal(prov.length, 1);
    assert.deepEqual(
      { ...prov[0], session_id: undefined },
      {
        session_id: undefined,
        agent_type: SHAPE.agentType,
        query: SHAPE.query,
        flavour: 'actions-only',
        folder: '2026-03-02-10-00',
      },
    );
    const provisional = String(prov[0]!.session_id);

    // The session ends: agent_end, then the JSON manifest, then manifest.yaml (reference order, §11).
    appendFileSync(file, trackerLine(N + 1, SHAPE, { end: true }) + '\n');
    await until(() => p.count(EVENTS_BY_ID).then((n) => n === N + 1));
    const [ended] = await p.ws.all(
      `SELECT success, duration_ms FROM provenance_sessions WHERE session_id = ?`,
      [provisional],
    );
    assert.deepEqual(
      { ...ended },
      { success: true, duration_ms: 1019 },
      'agent_end completes the provisional row',
    );
    const S = randomUUID();
    writeJsonManifest(p.prov, S, readFileSync(file, 'utf8'));
    writeManifest(f, '2026-03-02-10-00', S);
    await until(
      () =>
        p
          .count(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [S])
          .then((n) => n === N + 1),
      15_000,
      'the lines to move to the real session',
    );
    await until(
      () => p.count(`SELECT count(*) n FROM provenance_sessions`).then((n) => n === 1),
      15_000,
      'the provisional session to go',
    );
    await p.watcher.idle();
    assert.equal(await p.count(EVENTS_BY_ID), N + 1, 'no duplicates');
    const [info] = await p.ws.all(`SELECT flavour, folder FROM provex_session_info WHERE session_id = ?`, [
      S,
    ]);
    assert.deepEqual({ ...info }, { flavour: 'generated', folder: '2026-03-02-10-00' });
    assert.deepEqual(p.errors, []);

    const again = await importClaudePaths(p.ws, [p.root]);
    assert.ok(
      again.sources.every((s) => s.status === 'unchanged'),
      JSON.stringify(again.sources.map((s) => [s.path, s.status])),
    );
    assert.equal(await p.count(EVENTS_BY_ID), N + 1);
  } finally {
    p.close();
  }
});

test('a torn last line waits for its newline', async () => {
  const p = await watchedProject(tmp.dir, 'torn');
  try {
    const f = p.folder('2026-03-03-11-00');
    const file = join(f, 'actions.jsonl');
    writeFileSync(file, trackerLines(3));
    await until(() => p.count(EVENTS_BY_ID).then((n) => n === 3));
    const line = trackerLine(4);
    appendFileSync(file, line.slice(0, 40));
    await new Promise((r) => setTimeout(r, 400));
    await p.watcher.idle();
    assert.equal(await p.count(EVENTS_BY_ID), 3, 'half a line is not read');
    appendFileSync(file, line.slice(40) + '\n');
    await until(() => p.count(EVENTS_BY_ID).then((n) => n === 4));
    const [row] = await p.ws.all(`SELECT sequence_number FROM provenance_events WHERE event_id = ?`, [
      eventIdsOf(line)[0]!,
    ]);
    assert.equal(row?.sequence_number, 4);
    assert.deepEqual(p.errors, []);
    const again = await importClaudePaths(p.ws, [p.root]);
    assert.equal(again.sources.find((s) => s.path === file)?.status, 'unchanged');
  } finally {
    p.close();
  }
});

test('a truncated or replaced log is read again: its old rows go, the new ones come', async () => {
  const p = await watchedProject(tmp.dir, 'truncate');
  try {
    const f = p.folder('2026-03-04-12-00');
    const file = join(f, 'actions.jsonl');
    const first = trackerLines(6);
    writeFileSync(file, first);
    await until(() => p.count(EVENTS_BY_ID).then((n) => n === 6));

    const second = trackerLines(2);
    writeFileSync(file, second); // truncate + rewrite, same inode
    await until(
      async () => {
        const ids = (await p.ws.all(`SELECT event_id FROM provenance_events`)).map((r) => String(r.event_id));
        return ids.length === 2 && eventIdsOf(second).every((id) => ids.includes(id));
      },
      15_000,
      'the truncated file re-read',
    );

    const third = trackerLines(4);
    writeFileSync(join(f, 'next.tmp'), third);
    const { renameSync } = await import('node:fs');
    renameSync(join(f, 'next.tmp'), file); // replaced: another inode
    await until(
      async () => {
        const ids = (await p.ws.all(`SELECT event_id FROM provenance_events`)).map((r) => String(r.event_id));
        return ids.length === 4 && eventIdsOf(third).every((id) => ids.includes(id));
      },
      15_000,
      'the replaced file re-read',
    );
    await p.watcher.idle();
    assert.equal(
      await p.count(`SELECT count(*) n FROM provenance_sessions`),
      1,
      'one provisional session, no leftovers',
    );
    assert.deepEqual(p.errors, []);
    const again = await importClaudePaths(p.ws, [p.root]);
    assert.equal(again.sources.find((s) => s.path === file)?.status, 'unchanged');
  } finally {
    p.close();
  }
});

test('a new session folder is listed; a deleted and recreated folder is followed again', async () => {
  const p = await watchedProject(tmp.dir, 'recreate');
  try {
    const f = p.folder('2026-03-05-13-00');
    const S = randomUUID();
    writeManifest(f, '2026-03-05-13-00', S);
    writeFileSync(join(f, 'actions.jsonl'), trackerLines(3));
    await until(async () =>
      (await listSessions(p.ws, {})).rows.some((r) => r.session_id === S && r.event_count === 3),
    );

    const { rmSync } = await import('node:fs');
    rmSync(f, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 300));
    p.folder('2026-03-05-13-00');
    writeManifest(f, '2026-03-05-13-00', S);
    const again = trackerLines(5);
    writeFileSync(join(f, 'actions.jsonl'), again);
    await until(
      async () => {
        const ids = (await p.ws.all(`SELECT event_id FROM provenance_events WHERE session_id = ?`, [S])).map(
          (r) => String(r.event_id),
        );
        return ids.length === 5 && eventIdsOf(again).every((id) => ids.includes(id));
      },
      15_000,
      'the recreated folder',
    );
    appendFileSync(join(f, 'actions.jsonl'), trackerLine(6));
    appendFileSync(join(f, 'actions.jsonl'), '\n');
    await until(() =>
      p.count(`SELECT count(*) n FROM provenance_events WHERE session_id = ?`, [S]).then((n) => n === 6),
    );
    assert.deepEqual(p.errors, []);
  } finally {
    p.close();
  }
});

test('a shared minute folder replayed live, line by line, then its manifests, ends as a whole-tree import does (lost parent included)', async () => {
  const fixture = join(ownFixtures, 'claude', 'shared-minute', '.claude', 'provenance');
  const reference = await Workspace.open(join(tmp.dir, 'reference-shared.duckdb'));
  const p = await watchedProject(tmp.dir, 'shared-live');
  const snapshot = async (ws: Workspace) => ({
    events: (
      await ws.all(
        `SELECT event_id, session_id, sequence_number, event_type FROM provenance_events ORDER BY event_id`,
      )
    ).map((r) => ({ ...r })),
    sessions: (
      await ws.all(
        `SELECT session_id, agent_type, query, parent_session_id, depth, end_time, success FROM provenance_sessions ORDER BY session_id`,
      )
    ).map((r) => ({ ...r })),
    links: (
      await ws.all(
        `SELECT session_id, event_id, entity_table, entity_id FROM provenance_entity_links ORDER BY ALL`,
      )
    ).map((r) => ({ ...r })),
  });
  try {
    await importClaudePaths(reference, [join(ownFixtures, 'claude', 'shared-minute')]);
    for (const d of readdirSync(join(fixture, 'sessions')).sort()) {
      const folder = p.folder(d);
      const log = join(folder, 'actions.jsonl');
      const text = readFileSync(join(fixture, 'sessions', d, 'actions.jsonl'), 'utf8');
      const lines = text.split('\n').filter(Boolean);
      for (let n = 1; n <= lines.length; n++) {
        appendFileSync(log, lines[n - 1] + '\n');
        // The log claims one event per line it holds (some may also come from a JSON manifest).
        const claimed = `SELECT count(*) n FROM provex_row_sources r JOIN provex_sources s USING (source_id)
          WHERE s.path = ? AND r.table_name = 'provenance_events'`;
        await until(() => p.count(claimed, [log]).then((c) => c === n), 15_000, `${d} line ${n}`);
        await p.watcher.idle();
      }
      // The session ends: its JSON manifest (if any session of this folder has one), then manifest.yaml, summary.md.
      for (const j of readdirSync(fixture).filter((n) => n.endsWith('.json'))) {
        const trace = readFileSync(join(fixture, j), 'utf8');
        if (
          lines.some((l) =>
            trace.includes(String((JSON.parse(l) as { database_event_id?: string }).database_event_id)),
          )
        )
          cpSync(join(fixture, j), join(p.prov, j));
      }
      for (const f of ['manifest.yaml', 'summary.md'])
        if (existsSync(join(fixture, 'sessions', d, f)))
          cpSync(join(fixture, 'sessions', d, f), join(folder, f));
    }
    const expected = await snapshot(reference);
    await until(async () => JSON.stringify(await snapshot(p.ws)) === JSON.stringify(expected), 15_000).catch(
      () => undefined,
    );
    assert.deepEqual(await snapshot(p.ws), expected);
    assert.deepEqual(p.errors, []);
    const again = await importClaudePaths(p.ws, [p.root]);
    assert.deepEqual(
      again.sources.filter((s) => s.status !== 'unchanged').map((s) => s.path),
      [],
      'a full import afterwards finds every file unchanged',
    );
  } finally {
    p.close();
    reference.close();
  }
});
