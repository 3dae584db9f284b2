import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { serveOptions } from '../../../../electron/cli/commands/serve.js';
import { Service } from '../../../../electron/service.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { watchRootId } from '../../../../electron/watcher/workspaceWatch.js';
import type { Events } from '../../../../shared/ipc/contract.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { trackerLine, trackerLines } from './trackerLines.js';
import { until } from './watchedProject.js';

const tmp = tempDir();
after(tmp.cleanup);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the service watches allowed roots chosen by id, reports each write, pauses, stops, and closes cleanly', async () => {
  const A = join(tmp.dir, 'projA');
  cpSync(join(sharedFixtures, 'claude-provenance', 'project'), A, { recursive: true });
  const B = join(tmp.dir, 'projB');
  mkdirSync(B);
  const ws = await Workspace.open(join(tmp.dir, 'service.duckdb'));
  const service = new Service(ws, { allowRoots: [A, B], watcher: { pollMs: 50 } });
  const events: { [K in keyof Events]?: Events[K][] } = {};
  for (const k of ['watch/appended', 'watch/imported', 'store/changed'] as const)
    service.on(k, (e) => ((events[k] ??= []) as unknown[]).push(e));
  const count = async (sql: string) => Number((await ws.all(sql))[0]!.n);
  try {
    const listed = await service['watch/list']();
    assert.deepEqual(
      listed.roots.map((r) => [r.label, r.watched, r.state]),
      [
        ['projA', false, 'off'],
        ['projB', false, 'off'],
      ],
    );
    assert.equal(listed.roots[0]!.root_id, watchRootId(A));
    assert.equal(listed.roots[0]!.folders, 3);
    await assert.rejects(service['watch/add']({ root_id: 'not-allowed' }), { userFacing: true, status: 404 });

    const added = await service['watch/add']({ root_id: watchRootId(A) });
    assert.deepEqual(
      added.roots.map((r) => [r.label, r.watched]),
      [
        ['projA', true],
        ['projB', false],
      ],
    );
    assert.ok(['events', 'polling'].includes(added.roots[0]!.state));
    assert.equal((await service['sessions/list']({})).total, 3, 'what was there is imported');
    assert.deepEqual(
      events['watch/imported']?.map((e) => [e.root_id, e.folder, e.sources, e.events]),
      [[watchRootId(A), null, 10, 14]],
      'one import of the whole tree: 10 files; 14 distinct events (9 + 5), each counted once though a JSON trace and a log both describe it',
    );
    assert.ok(events['store/changed']?.length);

    // A new session folder with lines: listed, and reported as appended lines.
    const folder = join(A, '.claude', 'provenance', 'sessions', '2026-04-01-08-00');
    mkdirSync(folder);
    const log = join(folder, 'actions.jsonl');
    writeFileSync(log, trackerLines(2));
    await until(async () => (await service['sessions/list']({})).total === 4, 15_000, 'the new session');
    // Once the tail follows the log, an appended line is reported as such (the first read of a
    // new log may instead import it whole, when it grew before the tail got to it).
    let seq = 3;
    while (!events['watch/appended']?.length && seq < 20) {
      appendFileSync(log, trackerLine(seq++) + '\n');
      await pause(300);
    }
    const appended = events['watch/appended']![0]!;
    assert.equal(appended.root_id, watchRootId(A));
    assert.equal(appended.folder, '2026-04-01-08-00');
    assert.equal(appended.session_ids.length, 1);
    assert.equal(
      await count(`SELECT count(*) n FROM provenance_events WHERE session_id = '${appended.session_ids[0]}'`),
      seq - 1,
    );
    assert.ok((await service['watch/list']()).roots[0]!.lines >= 1);

    // Paused: noticed, not read; resumed: caught up.
    assert.equal((await service['watch/pause']({ paused: true })).paused, true);
    appendFileSync(log, trackerLine(50) + '\n');
    await pause(400);
    assert.equal(await count(`SELECT count(*) n FROM provenance_events WHERE sequence_number = 50`), 0);
    await service['watch/pause']({ paused: false });
    await until(() =>
      count(`SELECT count(*) n FROM provenance_events WHERE sequence_number = 50`).then((n) => n === 1),
    );

    // Removed: no longer followed; its rows stay.
    const removed = await service['watch/remove']({ root_id: watchRootId(A) });
    assert.equal(removed.roots[0]!.watched, false);
    appendFileSync(log, trackerLine(60) + '\n');
    await pause(400);
    assert.equal(await count(`SELECT count(*) n FROM provenance_events WHERE sequence_number = 60`), 0);
    assert.equal((await service['sessions/list']({})).total, 4);

    // A root without .claude/provenance yet: waits for it (the lead's import path calls watchRoot).
    const b = await service.watchRoot(B);
    assert.equal(b.state, 'missing');
    const bFolder = join(B, '.claude', 'provenance', 'sessions', '2026-04-02-09-00');
    mkdirSync(bFolder, { recursive: true });
    writeFileSync(join(bFolder, 'actions.jsonl'), trackerLines(3));
    await until(async () => (await service['sessions/list']({})).total === 5, 15_000, 'the late tree');
    assert.deepEqual(
      (await service['watch/list']()).roots.find((r) => r.label === 'projB')?.last_error,
      null,
    );
  } finally {
    await service.close();
  }
  assert.ok(ws.isClosed);
});

test('serve --watch folders are watched and allowed', () => {
  const dir = join(tmp.dir, 'serve');
  mkdirSync(dir);
  const o = serveOptions({ watch: [dir], 'allow-root': [tmp.dir] }, () => undefined);
  assert.deepEqual(o.watchRoots, [dir]);
  assert.deepEqual(o.allowRoots.sort(), [dir, tmp.dir].sort());
  assert.throws(
    () => serveOptions({ watch: [join(tmp.dir, 'nope')] }, () => undefined),
    /--watch .*no such folder/,
  );
});
