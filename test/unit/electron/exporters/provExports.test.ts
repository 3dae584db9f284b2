import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ExportService } from '../../../../electron/exportService.js';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { importPaths } from '../../../../electron/importers/importPaths.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { asSessionId } from '../../../../shared/model/ids.js';
import { asTaskGraphId } from '../../../../shared/model/tasks.js';
import { chainB, golden } from '../../../helpers/crucible.js';
import { buildSmallDb } from '../../../helpers/goTasks.js';
import { saveChain } from '../../../../electron/store/chainRepository.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { provJsonProblems, provNProblems } from '../../../helpers/provChecks.js';

const tmp = tempDir('provex-prov-');
after(tmp.cleanup);
const S1605 = asSessionId('79443331-9357-4ae6-8378-b0e622fae3c8');
const GOLDEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
let ws: Workspace;
let service: ExportService;

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  await importClaudePaths(ws, [join(sharedFixtures, 'claude-provenance', 'project')]);
  const tasks = join(tmp.dir, 'small.sqlite');
  writeFileSync(tasks, await buildSmallDb());
  await importPaths(ws, [tasks]);
  await saveChain(ws, golden());
  await saveChain(ws, chainB());
  service = new ExportService(ws);
});
after(() => ws.close());

type Prov = Record<string, Record<string, Record<string, unknown>>>;

async function both(get: (f: 'prov-json' | 'prov-n') => Promise<{ content: string }>): Promise<Prov> {
  const json = JSON.parse((await get('prov-json')).content) as Prov;
  assert.deepEqual(provJsonProblems(json), []);
  assert.deepEqual(provNProblems((await get('prov-n')).content), []);
  return json;
}

test('a session as PROV: activity, agent, tool calls, and the decision derived from its evidence', async () => {
  const doc = await both((format) => service.session({ session_id: S1605, format }));
  const sid = 'session:79443331-9357-4ae6-8378-b0e622fae3c8';
  assert.ok(doc.activity![sid]);
  assert.deepEqual(doc.activity![sid]!['prov:type'], {
    $: 'provex:AgentSession',
    type: 'prov:QUALIFIED_NAME',
  });
  assert.ok(
    Object.values(doc.wasAssociatedWith!).some(
      (r) => r['prov:activity'] === sid && r['prov:agent'] === 'agent:MediaFormulationAgent',
    ),
  );
  assert.equal(Object.keys(doc.activity!).filter((id) => id.startsWith('call:')).length, 3);
  const decision = Object.keys(doc.entity!).find((id) => id.startsWith('decision:'))!;
  const evidence = Object.values(doc.wasDerivedFrom!).filter((r) => r['prov:generatedEntity'] === decision);
  assert.ok(evidence.length > 0, 'the decision is linked to the outputs it used');
  assert.ok(evidence.every((r) => String(r['prov:usedEntity']).startsWith('data:')));
  assert.equal(Object.keys(doc.entity!).filter((id) => id.startsWith('entity:')).length, 2);
});

test('a project as PROV holds all its sessions', async () => {
  const doc = await both((format) => service.project({ project: 'MicroGrowAgents', format }));
  assert.equal(Object.keys(doc.activity!).filter((id) => id.startsWith('session:')).length, 3);
});

test('a task graph as PROV: §11 mapping, extension relations as typed influences', async () => {
  const doc = await both((format) => service.taskGraph({ graph_id: asTaskGraphId(1), format }));
  assert.ok(Object.keys(doc.entity!).some((id) => id.startsWith('task:')));
  const types = Object.values(doc.agent!).map((a) => JSON.stringify(a['prov:type']));
  assert.ok(types.some((t) => t.includes('prov:Person')));
  assert.ok(types.some((t) => t.includes('prov:SoftwareAgent')));
  assert.ok(
    Object.values(doc.wasInfluencedBy ?? {}).some((r) =>
      JSON.stringify(r['prov:type']).includes('ext:blockedBy'),
    ),
  );
  assert.ok(doc.wasGeneratedBy && doc.wasAttributedTo && doc.wasAssociatedWith);
});

test('a chain as PROV: events derived from their parents and dependencies', async () => {
  const doc = await both((format) => service.chain({ chain_id: GOLDEN, format }));
  assert.equal(Object.keys(doc.entity!).length, 4);
  // e4 has a parent (e1) and depends on e2 and e3.
  assert.equal(
    Object.values(doc.wasDerivedFrom!).filter(
      (r) => r['prov:generatedEntity'] === 'event:d4e5f60718293a4b5c6d7e8f90a1b2c3',
    ).length,
    3,
  );
});

test('PROV checks catch what they should', () => {
  assert.deepEqual(
    provJsonProblems({
      prefix: { prov: 'http://www.w3.org/ns/prov#', ex: 'urn:x:' },
      entity: { 'ex:a': { 'prov:type': 'ex:T' } },
    }),
    ['entity ex:a: prov:type value not typed prov:QUALIFIED_NAME'],
  );
  assert.match(
    provJsonProblems({ prefix: { ex: 'urn:x:' }, used: { '_:u1': { 'prov:activity': 'ex:nothing' } } })[0]!,
    /is not declared/,
  );
  assert.match(provNProblems('document\n  entity(zz:a)\nendDocument\n')[0]!, /undeclared prefix zz/);
});

test('table exports: Parquet bytes, and the guard refuses writes', async () => {
  const file = await service.table({ sql: 'SELECT 1 AS x', format: 'parquet' });
  assert.equal(file.encoding, 'base64');
  assert.equal(Buffer.from(file.content, 'base64').subarray(0, 4).toString(), 'PAR1');
  await assert.rejects(
    service.table({ sql: 'DROP TABLE provenance_sessions', format: 'csv' }),
    /read-only: DDL/,
  );
  await assert.rejects(
    service.table({ sql: "COPY provenance_sessions TO 'x.csv'", format: 'parquet' }),
    /read-only/,
  );
  assert.equal(Number((await ws.all('SELECT count(*) AS n FROM provenance_sessions'))[0]!.n), 3);
});

test("saved queries: the reference ProvenanceQueries first, then the user's; built-ins cannot be deleted", async () => {
  const before = await service.savedQueries();
  assert.ok(before.some((q) => q.id === 'ref:hierarchy' && q.params[0]!.name === 'session_id'));
  const saved = await service.saveQuery({
    name: 'slow calls',
    sql: 'SELECT * FROM provenance_tool_calls WHERE duration_ms > ?',
  });
  assert.equal(saved.params.length, 1);
  assert.ok((await service.savedQueries()).some((q) => q.id === saved.id));
  await assert.rejects(service.deleteQuery({ id: 'ref:hierarchy' }), /cannot be deleted/);
  assert.deepEqual(await service.deleteQuery({ id: saved.id }), { deleted: true });
  assert.equal((await service.savedQueries()).length, before.length);
});
