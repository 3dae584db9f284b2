import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { validateArgs } from '../../../shared/ipc/validateArgs.js';
import { asChainId, asSessionId } from '../../../shared/model/ids.js';
import { Service } from '../../../electron/service.js';
import { insertChains } from '../../../electron/store/chainRepository.js';
import { errorOutcome } from '../../../electron/serviceTypes.js';
import { Workspace } from '../../../electron/store/workspace.js';
import { chainB, golden, readExport, runs } from '../../helpers/crucible.js';
import { tempDir } from '../../helpers/paths.js';

const tmp = tempDir();
let service: Service;
const GOLDEN = asChainId(golden().id);
const B = asChainId(`${golden().id}~2`);
const chain = (id: string) => ({ kind: 'chain' as const, id: asChainId(id) });
const session = (id: string) => ({ kind: 'session' as const, id: asSessionId(id) });

before(async () => {
  const ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  const [runA, runB] = runs();
  await ws.transaction((tx) =>
    insertChains(tx, [golden(), chainB(), { ...runA, id: 'run-a' }, { ...runB, id: 'run-b' }], null),
  );
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, success, depth) VALUES
    ('s1', 'MediaAgent', 'Recommend MP medium', '2026-01-13 16:05:12.401463', '2026-01-13 16:05:13', true, 0),
    ('s2', 'MediaAgent', 'Recommend MP medium', '2026-01-14 09:00:00', NULL, true, 0),
    ('s3', 'SQLAgent', 'no decisions', '2026-01-14 09:00:00', NULL, true, 0)`);
  await ws.exec(`INSERT INTO provenance_decisions VALUES
    ('d1', 's1', 'e1', 'strategy', 'lanthanide_supplementation', '{"has_xoxF": true, "ratio": 1.0}', NULL, 'add_NdCl3', '["add_NdCl3", "none"]', 'xoxF needs lanthanides', '2026-01-13 16:05:12.5'),
    ('d2', 's1', 'e2', 'route', 'query_type', '{}', NULL, 'media', '["media", "pathway"]', 'asks for a medium', '2026-01-13 16:05:12.6'),
    ('d3', 's2', 'e7', 'strategy', 'lanthanide_supplementation', '{"has_xoxF": false}', NULL, 'none', '["add_NdCl3", "none"]', 'no xoxF gene', '2026-01-14 09:00:01'),
    ('d4', 's2', 'e8', 'route', 'query_type', '{}', NULL, 'media', '["media", "pathway"]', 'asks for a growth medium', '2026-01-14 09:00:02')`);
  service = new Service(ws);
});
after(async () => {
  await service.close();
  tmp.cleanup();
});

test('chains/list and chains/get', async () => {
  const page = await service['chains/list']({ search: 'state manager' });
  assert.deepEqual(page.rows.map((r) => r.chain_id).sort(), [GOLDEN, B]);
  const got = await service['chains/get']({ chain_id: B });
  assert.equal(got!.chain.name, 'State Manager v2');
  assert.equal(got!.chain.id, golden().id);
  assert.equal(await service['chains/get']({ chain_id: asChainId('missing') }), null);
});

test('chains/diff: the reference result and its exact text, every match mode', async () => {
  const byId = await service['chains/diff']({ a: chain(GOLDEN), b: chain(B) });
  assert.equal(byId.text, readExport('diff_by_id.txt'));
  assert.equal(byId.result.matchBy, 'id');
  assert.equal(byId.result.similarity, 0.75);
  assert.equal(byId.a.label, 'State Manager Implementation');
  assert.equal(byId.html, undefined);
  const byPos = await service['chains/diff']({
    a: chain(GOLDEN),
    b: chain(B),
    match_by: 'position',
    html: true,
  });
  assert.equal(byPos.text, readExport('diff_by_position.txt'));
  assert.match(byPos.html!, /<title>Chain Diff - State Manager Implementation vs State Manager v2<\/title>/);
  const byContent = await service['chains/diff']({ a: chain('run-a'), b: chain('run-b') });
  assert.equal(byContent.text, readExport('diff_by_content.txt'));
});

test('chains/align: both chains and the aligned rows', async () => {
  const r = await service['chains/align']({ a: chain(GOLDEN), b: chain(B) });
  assert.equal(r.a.chain.events.length, 4);
  assert.equal(r.b.chain.events.length, 4);
  assert.ok(r.alignment.rows.length >= 4);
  assert.equal(r.alignment.counts.same, 1); // e2 unchanged
  assert.notEqual(r.alignment.firstDivergence, null);
});

test("chains/sessionDecisions: a session's decisions as a chain, number kinds kept", async () => {
  const c = (await service['chains/sessionDecisions']({ session_id: asSessionId('s1') }))!;
  assert.equal(c.id, 'session:s1');
  assert.equal(c.name, 'MediaAgent: Recommend MP medium');
  assert.equal(c.created_at, '2026-01-13T16:05:12.401463Z');
  assert.deepEqual(
    c.events.map((e) => [e.id, e.type, e.decision, e.reasoning, e.alternatives, e.timestamp]),
    [
      [
        'd1',
        'decision_made',
        'lanthanide_supplementation: add_NdCl3',
        'xoxF needs lanthanides',
        ['add_NdCl3', 'none'],
        '2026-01-13T16:05:12.5Z',
      ],
      [
        'd2',
        'decision_made',
        'query_type: media',
        'asks for a medium',
        ['media', 'pathway'],
        '2026-01-13T16:05:12.6Z',
      ],
    ],
  );
  assert.deepEqual(c.events[0]!.metadata.input_values, { has_xoxF: true, ratio: { $number: '1.0' } });
  assert.equal(c.events[0]!.metadata.decision_type, 'strategy');
  const none = (await service['chains/sessionDecisions']({ session_id: asSessionId('s3') }))!;
  assert.deepEqual(none.events, []);
  assert.equal(await service['chains/sessionDecisions']({ session_id: asSessionId('nope') }), null);
});

test('two sessions diffed and aligned; a session against a chain', async () => {
  const d = await service['chains/diff']({ a: session('s1'), b: session('s2') });
  assert.equal(d.result.matchBy, 'content');
  assert.equal(d.result.summary, '1 added, 1 removed, 1 modified');
  assert.match(d.text, /Event decision_made_query_type: media:\n {2}- reasoning/);
  const al = await service['chains/align']({ a: session('s1'), b: session('s2') });
  // The route decision kept its branch with reworded reasoning: one edited row, word-diffed; the
  // lanthanide decision took another branch for another reason: removed + added.
  assert.deepEqual(
    al.alignment.rows.map((r) => r.kind),
    ['removed', 'added', 'modified'],
  );
  const edited = al.alignment.rows[2]!;
  assert.deepEqual(edited.changedFields, ['reasoning']);
  assert.ok(edited.reasoningDiff!.some((s) => s.kind === 'insert' && s.text.includes('growth')));
  const mixed = await service['chains/diff']({ a: chain(GOLDEN), b: session('s2'), match_by: 'position' });
  assert.equal(mixed.result.modified.length, 2);
});

test('unknown refs are user-facing 404s; bad refs are refused by validation', async () => {
  await assert.rejects(
    service['chains/diff']({ a: chain('nope'), b: chain(GOLDEN) }),
    (e: unknown) => errorOutcome(e).status === 404 && /Chain nope not found/.test(errorOutcome(e).error),
  );
  await assert.rejects(
    service['chains/align']({ a: session('nope'), b: chain(GOLDEN) }),
    /Session nope not found/,
  );
  assert.throws(
    () => validateArgs('chains/diff', { a: { kind: 'file', id: '/etc/passwd' }, b: chain('x') }),
    /chains\/diff\.a\.kind/,
  );
  assert.throws(
    () => validateArgs('chains/diff', { a: chain('x'), b: chain('y'), match_by: 'fuzzy' }),
    /match_by/,
  );
  assert.throws(() => validateArgs('chains/align', { a: chain('x') }), /missing field "b"/);
  assert.doesNotThrow(() => validateArgs('chains/list', { search: 'x', limit: 5 }));
});
