import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type * as DE from '../../../../../renderer/src/features/import/dropEntries.js';
import { rendererJs } from '../../../../helpers/rendererModule.js';

const de = (await import(rendererJs('features/import/dropEntries.js'))) as typeof DE;
type EntryLike = DE.EntryLike;

const file = (name: string, text: string, failWith?: Error): EntryLike => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (ok, fail) => (failWith ? fail?.(failWith) : ok(new Blob([text]))),
});

/** A folder whose reader answers in batches of `batch` entries, then with an empty batch (as Chromium does). */
const dir = (name: string, children: EntryLike[], batch = 2): EntryLike => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader() {
    let at = 0;
    return {
      readEntries(ok) {
        const next = children.slice(at, at + batch);
        at += batch;
        setTimeout(() => ok(next), 0);
      },
    };
  },
});

const texts = async (files: DE.PickedFile[]) =>
  Promise.all(files.map(async (f) => [f.relative, await new Response(f.blob as Blob).text()]));

test('a dropped folder is read recursively, every batch of entries, named from the dropped item down', async () => {
  const tree = dir('project', [
    dir('.claude', [
      dir('provenance', [
        dir('sessions', [dir('2026-01-13-16-05', [file('manifest.yaml', 'm'), file('actions.jsonl', 'a')])]),
        file('79443331.json', '{}'),
      ]),
    ]),
    dir('.git', [file('HEAD', 'ref')]),
    dir('node_modules', [file('x.js', 'x')]),
    file('b.txt', 'b'),
    file('a.txt', 'a'),
  ]);
  assert.deepEqual(await texts(await de.readEntry(tree)), [
    ['project/.claude/provenance/79443331.json', '{}'],
    ['project/.claude/provenance/sessions/2026-01-13-16-05/actions.jsonl', 'a'],
    ['project/.claude/provenance/sessions/2026-01-13-16-05/manifest.yaml', 'm'],
    ['project/a.txt', 'a'],
    ['project/b.txt', 'b'],
  ]);
  // More than one batch in a folder: none is lost.
  const many = dir(
    'many',
    Array.from({ length: 7 }, (_, i) => file(`f${i}`, String(i))),
    3,
  );
  assert.equal((await de.readEntry(many)).length, 7);
});

test('a dropped file is itself; an unreadable file fails the read', async () => {
  assert.deepEqual(await texts(await de.readEntry(file('chain.json', '{"events":[]}'))), [
    ['chain.json', '{"events":[]}'],
  ]);
  await assert.rejects(
    de.readEntry(dir('d', [file('gone', '', new Error('NotFoundError'))])),
    /NotFoundError/,
  );
});

test('chosen files keep their folder path (webkitdirectory); caches are left out', () => {
  const blob = (name: string, webkitRelativePath = '') =>
    Object.assign(new Blob(['x']), { name, webkitRelativePath });
  const picked = de.pickedFromInput([
    blob('a.json'),
    blob('m.yaml', 'proj/sessions/s1/m.yaml'),
    blob('x.js', 'proj/node_modules/x.js'),
  ]);
  assert.deepEqual(
    picked.map((p) => p.relative),
    ['a.json', 'proj/sessions/s1/m.yaml'],
  );
});

test('a drop is uploaded one item at a time; too large or empty drops are refused with a reason', () => {
  const f = (relative: string, size: number) => ({ relative, blob: new Blob([new Uint8Array(size)]) });
  const groups = de.groupByItem([f('proj/a', 3), f('c.json', 5), f('proj/sub/b', 4)]);
  assert.deepEqual(
    groups.map((g) => [g.name, g.files.map((x) => x.relative), g.bytes]),
    [
      ['proj', ['proj/a', 'proj/sub/b'], 7],
      ['c.json', ['c.json'], 5],
    ],
  );
  assert.equal(de.dropProblem([f('a', 10)], 100), null);
  assert.match(de.dropProblem([f('a', 60), f('b', 60)], 100)!, /120 B, more than the 100 B/);
  assert.match(de.dropProblem([])!, /no files/);
  assert.equal(de.MAX_DROP_BYTES, 200_000_000);
  assert.match(de.formatBytes(250_000_000), /^250\.0 MB$/);
});

test('bytes are base64-encoded in chunks, exactly as Node encodes them', async () => {
  for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 100_001]) {
    const bytes = randomBytes(n);
    assert.equal(de.bytesToBase64(new Uint8Array(bytes)), bytes.toString('base64'), `${n} bytes`);
  }
  const items = await de.encodeGroup({
    name: 'p',
    bytes: 0,
    files: [{ relative: 'p/a.txt', blob: new Blob(['héllo\n']) }],
  });
  assert.deepEqual(items, [{ relative: 'p/a.txt', base64: Buffer.from('héllo\n').toString('base64') }]);
});
