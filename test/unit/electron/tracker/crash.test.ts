import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { Workspace } from '../../../../electron/store/workspace.js';
import { tempDir } from '../../../helpers/paths.js';
import { readSessionFolders } from './readBack.js';

const tmp = tempDir('provex-crash-');
after(tmp.cleanup);
const here = dirname(fileURLToPath(import.meta.url));

/** Runs the crash child until it has flushed `flushes` times, then SIGKILLs it; returns the last flush. */
function runAndKill(args: string[], flushes: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'crashChild.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let last: Record<string, number> | null = null;
    let seen = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const p of parts) {
        if (!p.startsWith('FLUSHED ')) continue;
        last = JSON.parse(p.slice(8)) as Record<string, number>;
        if (++seen === flushes) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${err}`));
      else if (!last) reject(new Error('no flush seen'));
      else resolve(last);
    });
  });
}

for (const mode of ['exclusive', 'shared']) {
  test(`a child killed with SIGKILL mid-session (${mode} DB): workspace opens, files parse, flushed data all there`, async () => {
    const projectRoot = join(tmp.dir, mode);
    const dbPath = join(projectRoot, 'db.duckdb');
    const flushed = await runAndKill([dbPath, projectRoot, mode], 4);

    const ws = await Workspace.open(dbPath);
    try {
      for (const [sessionId, lastSeq] of Object.entries(flushed)) {
        const [row] = await ws.all(
          `SELECT COUNT(*) AS n, COUNT(DISTINCT sequence_number) AS d, MIN(sequence_number) AS lo, MAX(sequence_number) AS hi FROM provenance_events WHERE session_id = ?`,
          [sessionId],
        );
        assert.ok(
          Number(row!.n) >= lastSeq,
          `${sessionId}: ${String(row!.n)} events in the DB, ${lastSeq} flushed`,
        );
        assert.equal(Number(row!.n), Number(row!.d));
        assert.equal(row!.lo, 1);
        assert.equal(Number(row!.hi), Number(row!.n), 'no gaps');
        const [session] = await ws.all(
          `SELECT end_time, depth FROM provenance_sessions WHERE session_id = ?`,
          [sessionId],
        );
        assert.equal(session!.end_time, null, 'the session never ended');
      }
      const depths = await ws.all(`SELECT depth FROM provenance_sessions ORDER BY depth`);
      assert.deepEqual(
        depths.map((r) => r.depth),
        [0, 1],
      );
    } finally {
      ws.close();
    }

    const root = join(projectRoot, '.claude', 'provenance');
    const folders = readSessionFolders(root);
    assert.equal(folders.length, 2, 'both sessions have a folder with the initial manifest');
    for (const f of folders) {
      const id = String(f.manifest.session.database_session_id);
      assert.equal(f.manifest.session.date_ended, null);
      assert.ok(f.lines.length >= flushed[id]!, `${f.folder}: every flushed event has its line`);
      f.lines.forEach((l, i) => assert.equal(l.action_id, i + 1));
      assert.equal(f.summary, null);
    }
    // Only atomic-write temp files may be left besides the session folders and index folder.
    assert.deepEqual(
      readdirSync(root).filter((n) => !/^(sessions|indices)$|\.tmp-/.test(n)),
      [],
    );
  });
}
