/**
 * `provex chains ls | show | diff` through the compiled CLI, over chains imported from files: the
 * diff text must be the reference's `to_text` output byte for byte (fixtures/crucible/exports).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeChain } from '../../../../shared/chains/chainWriter.js';
import { chainFromJson } from '../../../../shared/chains/chainReader.js';
import { parseKeptJson } from '../../../../shared/chains/keptJson.js';
import type { KeptObject } from '../../../../shared/model/chains.js';
import {
  chainB,
  chainBPrime,
  crucibleDir,
  parserInput,
  readCrucible,
  readExport,
} from '../../../helpers/crucible.js';
import { provex } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
const db = join(tmp.dir, 'ws.duckdb');
after(tmp.cleanup);

const run = (...args: string[]) => {
  const r = provex([...args, '--db', db], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
};

const GOLDEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

before(() => {
  // Chain B and B' keep the golden chain's id (README): the workspace gives them keys id~2, id~3.
  writeFileSync(join(tmp.dir, 'b.json'), writeChain(chainB()));
  writeFileSync(join(tmp.dir, 'b_prime.json'), writeChain(chainBPrime()));
  const edited = parserInput()
    .replace('<confidence>0.9</confidence>', '<confidence>0.7</confidence>')
    .replace('Prevent resource exhaustion', 'Avoid exhausting file descriptors')
    .replace(
      '<event type="constraint_evaluated">',
      '<event type="pattern_applied">\n  <decision>Use a Registry</decision>\n  <reasoning>Name lookup</reasoning>\n</event>\n\n<event type="constraint_evaluated">',
    );
  writeFileSync(join(tmp.dir, 'run_b.txt'), edited);
  run(
    'import',
    join(crucibleDir, 'chain_golden_deterministic.json'),
    join(tmp.dir, 'b.json'),
    join(tmp.dir, 'b_prime.json'),
  );
  run(
    'import',
    '--kind',
    'markup',
    '--name',
    'Run A',
    join(crucibleDir, 'parser_input_integration_test.txt'),
  );
  run('import', '--kind', 'markup', '--name', 'Run B', join(tmp.dir, 'run_b.txt'));
});

type Listed = { chain_id: string; name: string; event_count: number; event_types: string[] };
const list = (): Listed[] => JSON.parse(run('chains', 'ls', '--json')) as Listed[];
const keyOf = (name: string) => list().find((c) => c.name === name)!.chain_id;

test('chains ls lists every imported chain with its workspace key', () => {
  const rows = list();
  assert.equal(rows.length, 5);
  const byName = new Map(rows.map((r) => [r.name, r]));
  assert.equal(byName.get('State Manager Implementation')!.chain_id, GOLDEN);
  assert.deepEqual(
    rows
      .filter((r) => r.name === 'State Manager v2')
      .map((r) => r.chain_id)
      .sort(),
    [`${GOLDEN}~2`, `${GOLDEN}~3`],
  );
  assert.equal(byName.get('Run B')!.event_count, 3);
  assert.deepEqual(byName.get('Run A')!.event_types, ['constraint_evaluated', 'hypothesis_formed']);
  const text = run('chains', 'ls');
  assert.match(text, /State Manager Implementation\s+4\s+alternative_rejected/);
  assert.match(text, /5 chains\n$/);
});

test('diff text is the reference output byte for byte (auto -> id)', () => {
  const b = list().find((c) => c.name === 'State Manager v2' && c.event_count === 4)!.chain_id;
  assert.equal(run('chains', 'diff', GOLDEN, b), readExport('diff_by_id.txt'));
  assert.equal(
    run('chains', 'diff', GOLDEN, b, '--match', 'position', '--format', 'text'),
    readExport('diff_by_position.txt'),
  );
});

test('diff with timestamps compared, and by content between two parses', () => {
  const bPrime = list().find((c) => c.name === 'State Manager v2' && c.event_count === 1)!.chain_id;
  assert.equal(run('chains', 'diff', GOLDEN, bPrime, '--timestamps'), readExport('diff_timestamps.txt'));
  assert.equal(run('chains', 'diff', keyOf('Run A'), keyOf('Run B')), readExport('diff_by_content.txt'));
});

test('diff --format html and json; a unique key prefix names a chain', () => {
  const b = list().find((c) => c.name === 'State Manager v2' && c.event_count === 4)!.chain_id;
  const html = run('chains', 'diff', GOLDEN, b, '--format', 'html');
  assert.equal(html, readExport('diff_by_id.html'));
  const runA = keyOf('Run A');
  const json = JSON.parse(run('chains', 'diff', runA.slice(0, 10), keyOf('Run B'), '--format', 'json')) as {
    matchBy: string;
    similarity: number;
    summary: string;
  };
  assert.equal(json.matchBy, 'content');
  assert.equal(json.summary, '1 added, 0 removed, 2 modified');
  assert.equal(json.similarity, 2 / 3);
});

test('chains show --json gives the chain file back; text shows the events', () => {
  const doc = JSON.parse(run('chains', 'show', GOLDEN, '--json')) as { chain_id: string; chain: object };
  assert.equal(doc.chain_id, GOLDEN);
  // Read with number kinds kept: the file form must come back byte for byte.
  const kept = parseKeptJson(run('chains', 'show', GOLDEN, '--json')) as KeptObject;
  assert.equal(writeChain(chainFromJson(kept.chain!)), readCrucible('chain_golden_deterministic.json'));
  const text = run('chains', 'show', GOLDEN);
  assert.match(text, /name\s+State Manager Implementation/);
  assert.match(text, /hypothesis_formed\s+0\.9\s+Use GenServer for state management/);
});

test('unknown ids and bad options are one-line user errors', () => {
  const r = provex(['chains', 'diff', 'nope', GOLDEN, '--db', db], tmp.dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Chain nope not found/);
  const s = provex(['chains', 'diff', 'session:zzz', GOLDEN, '--db', db], tmp.dir);
  assert.equal(s.code, 1);
  assert.match(s.stderr, /Session zzz not found/);
  const m = provex(['chains', 'diff', GOLDEN, GOLDEN, '--match', 'fuzzy', '--db', db], tmp.dir);
  assert.equal(m.code, 1);
  assert.match(m.stderr, /--match must be one of/);
  const p = provex(['chains', 'show', GOLDEN.slice(0, 4), '--db', db], tmp.dir);
  assert.equal(p.code, 1);
  assert.match(p.stderr, /names 3 chains/);
});
