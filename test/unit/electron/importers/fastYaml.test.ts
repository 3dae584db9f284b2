import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../../../electron/importers/claude/fastYaml.js';
import { writeClaudeCorpus } from '../../../bench/corpus/claudeCorpus.js';
import { ownFixtures, sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { seededRandom } from '../../../../shared/util/random.js';

const tmp = tempDir();
after(tmp.cleanup);

/** What the importer's full parser makes of `text` (undefined: it reports an error). */
function full(text: string): unknown {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: true });
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
}

/** The fast parser declines, or gives exactly what the full parser gives. */
function agrees(text: string, label: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === null) return false;
  assert.deepEqual(fast, full(text), `${label}:\n${text}`);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(p);
  }
  return out;
}

test('generated manifests (fixtures and a seeded corpus) parse fast, to what the full parser gives', () => {
  const corpus = writeClaudeCorpus(join(tmp.dir, 'c'), {
    projects: 2,
    sessionsPerProject: 15,
    actionsPerSession: 12,
    seed: 5,
  });
  const generated = corpus.actionFiles.map((f) => join(f, '..', 'manifest.yaml'));
  generated.push(
    join(
      sharedFixtures,
      'claude-provenance/project/.claude/provenance/sessions/2026-01-11-07-08/manifest.yaml',
    ),
  );
  for (const f of generated) assert.ok(agrees(readFileSync(f, 'utf8'), f), `${f} took the slow path`);
  // Every other YAML file of the fixtures: fast and equal, or left to the full parser.
  for (const f of [...yamlFiles(sharedFixtures), ...yamlFiles(ownFixtures)])
    agrees(readFileSync(f, 'utf8'), f);
});

test('scalars resolve as the core schema resolves them', () => {
  const values = [
    'null',
    'Null',
    'NULL',
    '~',
    'true',
    'False',
    'TRUE',
    'yes',
    'no',
    'on',
    '0',
    '-12',
    '+3',
    '007',
    '0o17',
    '0x1F',
    '0b11',
    '1.0',
    '1.',
    '.5',
    '-0.25',
    '1e3',
    '1.5E-2',
    '12:30',
    '2026-01-11T07:08:27Z',
    '1.0.0',
    'v1',
    'a#b',
    "'quoted'",
    "'it''s'",
    "''",
    '"double"',
    '"tab\\tnew\\nline \\u00e9"',
    '[]',
    '{}',
    'a b c',
    '-x',
    'x-',
  ];
  for (const v of values) assert.ok(agrees(`k: ${v}\n`, v), `${v} took the slow path`);
});

test('structures PyYAML writes: nested maps, indentless and nested sequences, maps in sequences', () => {
  const docs = [
    'a:\n  b:\n    c: 1\n  d: x\ne: []\n',
    'goals:\n- one\n- two\nnext: 1\n',
    'list:\n  - 1\n  - 2\n',
    'items:\n- name: a\n  n: 1\n- name: b\n  tags:\n  - x\n  - y\n',
    'empty:\nafter: 1\n',
    'nested:\n- - 1\n',
    'seq:\n-\n  a: 1\n',
    'deep:\n  - k:\n      - 1\n    j: 2\n',
  ];
  for (const d of docs) agrees(d, d);
  assert.ok(agrees(docs[3]!, 'maps in a sequence'));
});

test('what it does not handle goes to the full parser', () => {
  const declined = [
    '# comment\na: 1\n',
    'a: 1 # trailing\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    '---\na: 1\n',
    'a: [1, 2]\n',
    'a: {b: 1}\n',
    'a: b: c\n',
    'a: multi\n  line\n',
    'a: 1\na: 2\n',
    '"q": 1\n',
    'a:\tb\n',
    'a: .nan\n',
    'a: .inf\n',
    'a: "\\x41"\n',
    "a: 'open\n",
    'true: 1\n',
    '- 1\n- 2\n',
    'a: @x\n',
    'a: `x`\n',
    'a: 1\r\nb: 2\r\n',
  ];
  for (const d of declined) assert.equal(parseSimpleYaml(d), null, d);
});

test('mutated manifests: the fast parser declines or agrees, and never accepts what the full parser rejects', () => {
  const base = readFileSync(
    join(
      sharedFixtures,
      'claude-provenance/project/.claude/provenance/sessions/2026-01-11-07-08/manifest.yaml',
    ),
    'utf8',
  );
  const rnd = seededRandom(42);
  const alphabet = [' ', '\n', ':', '-', "'", '"', '#', '[', ']', '{', '}', 'a', '1', '.', '  ', '- ', ': '];
  let fast = 0;
  for (let n = 0; n < 3000; n++) {
    let t = base;
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      const at = Math.floor(rnd() * t.length);
      const cut = Math.floor(rnd() * 3);
      t = t.slice(0, at) + alphabet[Math.floor(rnd() * alphabet.length)]! + t.slice(at + cut);
    }
    const got = parseSimpleYaml(t);
    if (got === null) continue;
    fast++;
    assert.deepEqual(got, full(t), `mutation ${n}:\n${t}`);
  }
  assert.ok(fast > 100, `only ${fast} mutations took the fast path`);
});
