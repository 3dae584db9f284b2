import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { Service } from '../../../electron/service.js';
import { watchRootId } from '../../../electron/watcher/workspaceWatch.js';
import { Workspace } from '../../../electron/store/workspace.js';
import type { ImportProgressEvent } from '../../../shared/model/importCalls.js';
import { sharedFixtures, tempDir } from '../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const fixtureProject = join(sharedFixtures, 'claude-provenance', 'project');

async function serviceWith(options: ConstructorParameters<typeof Service>[1]) {
  const ws = await Workspace.open(join(tmp.dir, `ws-${Math.random().toString(36).slice(2)}.duckdb`));
  return new Service(ws, { uploadsDir: join(tmp.dir, 'uploads'), ...options });
}

test('the browser mode imports from allowed roots only, by id and relative entries', async () => {
  const root = join(tmp.dir, 'projects');
  mkdirSync(root);
  cpSync(fixtureProject, join(root, 'MicroGrowAgents'), { recursive: true });
  symlinkSync('/etc', join(root, 'escape'));
  const s = await serviceWith({ allowRoots: [root] });
  const progress: ImportProgressEvent[] = [];
  const changed: string[][] = [];
  s.on('import/progress', (p) => progress.push(p));
  s.on('store/changed', ({ tables }) => changed.push(tables));

  const roots = await s['import/roots']();
  assert.equal(roots.dialogs, false);
  const id = watchRootId(root);
  assert.deepEqual(
    roots.roots.map((r) => r.root_id),
    [id],
    'the id the file tracker knows the folder by',
  );
  assert.ok(
    (await s['watch/list']()).roots.some((r) => r.root_id === id),
    'watch lists the same root',
  );
  const listing = await s['import/browse']({ root_id: id, at: '' });
  assert.deepEqual(
    listing.entries.find((e) => e.name === 'MicroGrowAgents'),
    { name: 'MicroGrowAgents', kind: 'folder', importable: 'claude' },
  );

  const report = await s['import/run']({ root_id: id, entries: ['MicroGrowAgents'] });
  assert.equal(report.errors.length, 0);
  assert.ok(report.sources.length >= 8);
  assert.equal((await s['workspace/info']()).counts.sessions, 3);
  assert.ok(progress.at(-1)?.done, 'a final progress event says done');
  assert.ok(changed.length >= 1, 'views reload after an import');

  for (const bad of ['../', '../../etc', 'escape', 'escape/passwd', '/etc']) {
    await assert.rejects(
      s['import/run']({ root_id: id, entries: [bad] }),
      /outside the allowed folder|no such entry/,
      bad,
    );
  }
  await assert.rejects(s['import/browse']({ root_id: id, at: 'escape' }), /outside the allowed folder/);
  await assert.rejects(s['import/run']({ root_id: 'nope', entries: ['x'] }), /no allowed root nope/);
  await assert.rejects(s['import/run']({ dialog: 'folder' }), /desktop app only/);
  await s.close();
});

test('the desktop app imports what its OS dialog returns; a cancelled dialog imports nothing', async () => {
  const picked: string[][] = [
    [join(fixtureProject, '.claude', 'provenance', 'sessions', '2026-01-13-16-05')],
    [],
  ];
  const s = await serviceWith({ pick: async () => picked.shift() ?? [] });
  assert.equal((await s['import/roots']()).dialogs, true);
  const r = await s['import/run']({ dialog: 'folder' });
  assert.ok(r.sources.some((x) => x.status === 'imported'));
  const none = await s['import/run']({ dialog: 'folder' });
  assert.deepEqual(none.sources, []);
  await s.close();
});

test('dropped files are uploaded as bytes, kept under uploads, and imported', async () => {
  const s = await serviceWith({});
  const folder = join(fixtureProject, '.claude', 'provenance', 'sessions', '2026-01-11-07-08');
  const items = readdirSync(folder).map((name) => ({
    relative: `2026-01-11-07-08/${name}`,
    base64: readFileSync(join(folder, name)).toString('base64'),
  }));
  const r = await s['import/upload']({ name: '2026-01-11-07-08', items });
  assert.equal(r.errors.length, 0, JSON.stringify(r.errors));
  assert.ok(r.sources.some((x) => x.path.endsWith('actions.jsonl') && x.status === 'imported'));
  const kept = r.sources.map((x) => relative(join(tmp.dir, 'uploads'), x.path));
  assert.ok(
    kept.every((k) => !k.startsWith('..')),
    'everything stays under the uploads folder',
  );
  await assert.rejects(s['import/upload']({ name: 'x', items: [] }), /nothing was dropped/);
  const escape = await s['import/upload']({
    name: 'evil',
    items: [{ relative: '../../evil.txt', base64: 'eA==' }],
  });
  assert.ok(escape.sources.every((x) => !relative(join(tmp.dir, 'uploads'), x.path).startsWith('..')));
  await s.close();
});
