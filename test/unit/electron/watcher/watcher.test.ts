import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { FileTail, type TailChunk } from '../../../../electron/watcher/fileTail.js';
import { ProvenanceWatcher, type WatchSink } from '../../../../electron/watcher/provenanceWatcher.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const here = dirname(fileURLToPath(import.meta.url));

class RecordingSink implements WatchSink {
  readonly lineLog: { folder: string; chunk: TailChunk }[] = [];
  readonly folders: string[] = [];
  readonly rootFiles: string[] = [];
  async lines(folder: string, _file: string, chunk: TailChunk) {
    this.lineLog.push({ folder, chunk });
  }
  async folderChanged(_dir: string, folder: string) {
    this.folders.push(folder);
  }
  async rootFileChanged(_dir: string, file: string) {
    this.rootFiles.push(file);
  }
  allLines(): string[] {
    return this.lineLog.flatMap((l) => l.chunk.lines);
  }
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('FileTail returns complete lines only, by offset, and detects truncation and replacement', () => {
  const f = join(tmp.dir, 'tail.jsonl');
  writeFileSync(f, 'a\nb\npart');
  const t = new FileTail(f);
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  assert.deepEqual(t.read(), {
    reset: false,
    lines: ['a', 'b'],
    firstLine: 1,
    offset: 4,
    sha256: sha('a\nb\n'),
  });
  appendFileSync(f, 'ial\nc\n');
  assert.deepEqual(t.read(), {
    reset: false,
    lines: ['partial', 'c'],
    firstLine: 3,
    offset: 14,
    sha256: sha('a\nb\npartial\nc\n'),
  });
  assert.deepEqual(t.read()!.lines, []);
  truncateSync(f, 0);
  writeFileSync(f, 'x\n');
  assert.deepEqual(t.read(), { reset: true, lines: ['x'], firstLine: 1, offset: 2, sha256: sha('x\n') });
  rmSync(f);
  assert.equal(t.read(), null);
  writeFileSync(f, 'new file, longer than before\n');
  const r = t.read()!;
  assert.equal(r.reset, true);
  assert.deepEqual(r.lines, ['new file, longer than before']);
});

for (const polling of [false, true]) {
  test(`lines appended in bursts by another process arrive exactly once (${polling ? 'polling' : 'fs.watch'})`, async () => {
    const root = join(tmp.dir, `proj-${polling}`);
    const folder = join(root, '.claude', 'provenance', 'sessions', '2026-01-13-16-05');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'manifest.yaml'), 'session:\n  id: agent-session-2026-01-13-16-05\n');
    const file = join(folder, 'actions.jsonl');
    writeFileSync(file, JSON.stringify({ prefix: 'pre', n: 0 }) + '\n');
    const sink = new RecordingSink();
    const w = new ProvenanceWatcher(sink, { polling, pollMs: 50 });
    await w.add(root);
    await until(() => sink.allLines().length === 1);
    assert.deepEqual(sink.folders, [folder]);

    const N = 3000;
    const child = spawn(process.execPath, [join(here, 'appendLines.js'), file, String(N), 'burst'], {
      stdio: 'inherit',
    });
    await new Promise((r) => child.on('exit', r));
    await until(() => sink.allLines().length === N + 1);
    await w.idle();
    const got = sink
      .allLines()
      .slice(1)
      .map((l) => JSON.parse(l) as { n: number });
    assert.deepEqual(
      got.map((x) => x.n),
      [...Array(N).keys()],
      'every line once, in order, none torn',
    );
    const numbering = sink.lineLog.flatMap((l) => l.chunk.lines.map((_, i) => l.chunk.firstLine + i));
    assert.deepEqual(
      numbering,
      [...Array(N + 1).keys()].map((i) => i + 1),
      'line numbers continue across reads',
    );
    w.close();
  });
}

test('a new session folder, a root JSON manifest, and a deleted-then-recreated tree are all noticed', async () => {
  const root = join(tmp.dir, 'proj-recreate');
  const prov = join(root, '.claude', 'provenance');
  mkdirSync(join(prov, 'sessions'), { recursive: true });
  const sink = new RecordingSink();
  const w = new ProvenanceWatcher(sink, { pollMs: 50 });
  await w.add(root);

  const s1 = join(prov, 'sessions', '2026-02-01-10-00');
  mkdirSync(s1);
  writeFileSync(join(s1, 'manifest.yaml'), 'session: {}\n');
  writeFileSync(join(s1, 'actions.jsonl'), '{"n": 1}\n');
  await until(() => sink.folders.includes(s1) && sink.allLines().length === 1);
  writeFileSync(join(prov, 'abc.json'), '{}');
  await until(() => sink.rootFiles.includes(join(prov, 'abc.json')));

  rmSync(prov, { recursive: true, force: true });
  await new Promise((r) => setTimeout(r, 300));
  mkdirSync(s1, { recursive: true });
  writeFileSync(join(s1, 'actions.jsonl'), '{"n": 1}\n{"n": 2}\n');
  // A recreated tree is found by the safety scan (every 2 s) at the latest; generous under a loaded CI.
  await until(() => sink.allLines().length === 3, 20_000);
  const last = sink.lineLog.at(-1)!.chunk;
  assert.deepEqual(last.lines, ['{"n": 1}', '{"n": 2}'], 'the recreated file is read from its start');
  w.close();
});

test('paused: nothing is read; resuming catches up from the offsets', async () => {
  const root = join(tmp.dir, 'proj-pause');
  const s = join(root, '.claude', 'provenance', 'sessions', 'x');
  mkdirSync(s, { recursive: true });
  writeFileSync(join(s, 'actions.jsonl'), 'a\n');
  const sink = new RecordingSink();
  const w = new ProvenanceWatcher(sink, { pollMs: 50 });
  await w.add(root);
  await until(() => sink.allLines().length === 1);
  w.setPaused(true);
  appendFileSync(join(s, 'actions.jsonl'), 'b\nc\n');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(sink.allLines().length, 1);
  w.setPaused(false);
  await until(() => sink.allLines().length === 3);
  assert.deepEqual(sink.allLines(), ['a', 'b', 'c']);
  w.close();
});
