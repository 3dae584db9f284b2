import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeChain } from '../../../../shared/chains/chainWriter.js';
import { asChainId } from '../../../../shared/model/ids.js';
import { importPaths } from '../../../../electron/importers/importPaths.js';
import { getChain, listChains } from '../../../../electron/store/chainRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { chainB, crucibleDir, golden, parserInput, readCrucible } from '../../../helpers/crucible.js';
import { ownFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
});
after(() => {
  ws.close();
  tmp.cleanup();
});

const chainCount = async () => (await listChains(ws)).total;

test('a 0.2-format file (no relationship keys) imports with defaults; unknown types kept', async () => {
  const r = await importPaths(ws, [join(ownFixtures, 'chains', 'chain_v02_no_relationships.json')]);
  assert.equal(r.sources[0]!.status, 'imported', r.sources[0]!.reason);
  assert.equal(r.sources[0]!.kind, 'chain-json');
  assert.deepEqual(r.totals.chains, 1);
  const chain = (await getChain(ws, asChainId('v02chain')))!.chain;
  assert.equal(r.totals.chain_events, chain.events.length);
  for (const e of chain.events) {
    assert.equal(e.parent_id, null);
    assert.deepEqual(e.depends_on, []);
    assert.equal(e.stage_id, null);
  }
  assert.equal(chain.events[1]!.type, 'stage_start');
  assert.equal(chain.events[1]!.confidence, 0.85);
  assert.equal(chain.updated_at, '2024-06-01T08:30:00.5Z');
});

test('a folder: its *.json files only, not recursive, never markup; bad files named', async () => {
  const dir = join(tmp.dir, 'causal_traces');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  copyFileSync(join(crucibleDir, 'chain_golden_deterministic.json'), join(dir, 'golden.json'));
  writeFileSync(join(dir, 'b.json'), writeChain({ ...chainB(), id: 'chain-b' }));
  writeFileSync(join(dir, 'broken.json'), '{\n  "id": "x",\n  "events": [\n    {"id": "e1",,}\n  ]\n}');
  writeFileSync(
    join(dir, 'no_time.json'),
    JSON.stringify({
      id: 'nt',
      name: 'n',
      created_at: '2025-01-15T10:30:00Z',
      updated_at: '2025-01-15T10:30:00Z',
      events: [{ id: 'ev9', type: 'hypothesis_formed' }],
    }),
  );
  writeFileSync(join(dir, 'notes.txt'), parserInput());
  writeFileSync(join(dir, 'nested', 'deep.json'), writeChain({ ...chainB(), id: 'deep' }));
  const before = await chainCount();
  const r = await importPaths(ws, [dir]);
  const by = new Map(r.sources.map((s) => [s.path.slice(dir.length + 1), s]));
  assert.deepEqual([...by.keys()].sort(), ['b.json', 'broken.json', 'golden.json', 'no_time.json']);
  assert.equal(by.get('golden.json')!.status, 'imported');
  assert.equal(by.get('b.json')!.status, 'imported');
  const broken = by.get('broken.json')!;
  assert.equal(broken.status, 'rejected');
  assert.match(broken.reason!, /broken\.json:4: invalid JSON: .*\(line 4, column \d+\)/);
  assert.equal(broken.rejected[0]!.line, 4);
  const noTime = by.get('no_time.json')!;
  assert.equal(noTime.status, 'rejected');
  assert.match(noTime.reason!, /no_time\.json: Chain nt: event ev9: timestamp is missing/);
  assert.equal(await chainCount(), before + 2);
  assert.equal(await getChain(ws, asChainId('deep')), null);
});

test('re-import: unchanged is skipped; a changed file replaces exactly its chains', async () => {
  const file = join(tmp.dir, 'evolving.json');
  writeFileSync(file, writeChain({ ...golden(), id: 'evolving' }));
  assert.equal((await importPaths(ws, [file])).sources[0]!.status, 'imported');
  const count = await chainCount();
  const again = await importPaths(ws, [file]);
  assert.equal(again.sources[0]!.status, 'unchanged');
  assert.equal(again.totals.chains, 0);
  writeFileSync(file, writeChain({ ...chainB(), id: 'evolving', name: 'Evolved' }));
  const changed = await importPaths(ws, [file]);
  assert.equal(changed.sources[0]!.status, 'replaced');
  assert.equal(changed.totals.chain_events, 4);
  assert.equal(await chainCount(), count);
  const back = (await getChain(ws, asChainId('evolving')))!;
  assert.equal(back.chain.name, 'Evolved');
  assert.equal(back.source_path, file);
  assert.equal(writeChain(back.chain), writeChain({ ...chainB(), id: 'evolving', name: 'Evolved' }));
  // The golden chain from the folder is untouched.
  assert.equal(
    writeChain((await getChain(ws, asChainId(golden().id)))!.chain),
    readCrucible('chain_golden_deterministic.json'),
  );
});

test('markup: parsed into a new chain named by --name or the file name', async () => {
  const file = join(tmp.dir, 'llm_output.txt');
  writeFileSync(file, parserInput());
  const named = await importPaths(ws, [file], { kind: 'markup', name: 'Run A' });
  assert.equal(named.sources[0]!.kind, 'markup');
  assert.equal(named.totals.chain_events, 2);
  const runA = (await listChains(ws, { search: 'Run A' })).rows;
  assert.equal(runA.length, 1);
  assert.deepEqual(runA[0]!.event_types, ['constraint_evaluated', 'hypothesis_formed']);
  // The same text under another name is a change of that source, not a second chain.
  const renamed = await importPaths(ws, [file], { kind: 'markup' });
  assert.equal(renamed.sources[0]!.status, 'replaced');
  assert.equal((await listChains(ws, { search: 'Run A' })).total, 0);
  assert.equal((await listChains(ws, { search: 'llm_output.txt' })).total, 1);
});

test('markup: text without events, folders and undetected text files are refused', async () => {
  const file = join(tmp.dir, 'prose.txt');
  writeFileSync(file, 'Just prose, no <event> blocks.');
  const r = await importPaths(ws, [file], { kind: 'markup' });
  assert.equal(r.sources[0]!.status, 'rejected');
  assert.match(r.sources[0]!.reason!, /prose\.txt: no <event type="\.\.\."> blocks/);
  const folder = await importPaths(ws, [tmp.dir], { kind: 'markup' });
  assert.match(folder.errors[0]!.message, /not from folders/);
  const guess = await importPaths(ws, [file]);
  assert.match(guess.errors[0]!.message, /--kind markup/);
});

test('bad chain files: not UTF-8, not an object, empty, wrong field type', async () => {
  const cases: [string, string | Buffer, RegExp][] = [
    [
      'latin1.json',
      Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
      /latin1\.json: not UTF-8 text/,
    ],
    ['list.json', '[{"events": []}]', /list\.json: Chain file is not a JSON object/],
    ['blank.json', '  \n', /blank\.json: empty file/],
    [
      'types.json',
      '{"id": "t", "events": {"a": 1}, "created_at": "2025-01-15T10:30:00Z", "updated_at": "2025-01-15T10:30:00Z"}',
      /types\.json: Chain t: events must be a list/,
    ],
  ];
  for (const [name, content, expected] of cases) {
    const file = join(tmp.dir, name);
    writeFileSync(file, content);
    const r = await importPaths(ws, [file], { kind: 'chains' });
    assert.equal(r.sources[0]!.status, 'rejected', name);
    assert.match(r.sources[0]!.reason!, expected);
  }
});
