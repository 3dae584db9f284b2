import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Workspace } from '../../../../electron/store/workspace.js';
import { provex } from '../../../helpers/cli.js';
import { cliPath, sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { trackerLine, trackerLines } from '../watcher/trackerLines.js';

const tmp = tempDir('provex-watch-');
after(tmp.cleanup);

test('provex watch imports the folders, prints one line per change, and stops on Ctrl+C', async () => {
  const project = join(tmp.dir, 'project');
  cpSync(join(sharedFixtures, 'claude-provenance', 'project'), project, { recursive: true });
  const db = join(tmp.dir, 'watch.duckdb');
  const child = spawn(process.execPath, [cliPath, 'watch', project, '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PROVEX_DB: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const until = async (re: RegExp, what: string) => {
    const end = Date.now() + 20_000;
    while (!re.test(out)) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; stdout:\n${out}\nstderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  try {
    await until(/press Ctrl\+C to stop/, 'the start');
    assert.match(out, /^imported {4}project {2}\(10 files: /m);
    assert.match(out, /^watching {4}.*project {2}\(3 session folders\)$/m);

    const folder = join(project, '.claude', 'provenance', 'sessions', '2026-04-03-10-00');
    mkdirSync(folder);
    const log = join(folder, 'actions.jsonl');
    writeFileSync(log, trackerLines(2));
    await until(/^imported {4}2026-04-03-10-00 /m, 'the new folder');
    // Lines keep coming until the tail follows the log and reports them as appended.
    for (let seq = 3; !/^\+\d+ lines? /m.test(out) && seq < 30; seq++) {
      appendFileSync(log, trackerLine(seq) + '\n');
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.match(out, /^\+1 line +orphan-[0-9a-f]{12}-L1 {2}2026-04-03-10-00$/m);
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 0, err);
  const ws = await Workspace.open(db, { readOnly: true });
  try {
    const [r] = await ws.all(
      `SELECT count(*) n, count(DISTINCT event_id) d FROM provenance_events e JOIN provex_session_info i USING (session_id) WHERE i.folder = '2026-04-03-10-00'`,
    );
    assert.ok(Number(r!.n) >= 3);
    assert.equal(Number(r!.n), Number(r!.d));
  } finally {
    ws.close();
  }
});

test('provex watch refuses a missing folder and needs at least one', () => {
  const none = provex(['watch', '--db', join(tmp.dir, 'x.duckdb')], tmp.dir);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /watch needs at least one project folder/);
  const missing = provex(['watch', join(tmp.dir, 'nope'), '--db', join(tmp.dir, 'x.duckdb')], tmp.dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope: no such folder/);
});
