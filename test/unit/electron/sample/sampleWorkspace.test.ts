import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Service } from '../../../../electron/service.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);

test('opening the sample workspace generates demo data once and switches the service to it', async () => {
  const samplePath = join(tmp.dir, 'sample', 'workspace.duckdb');
  const service = new Service(await Workspace.open(join(tmp.dir, 'empty.duckdb')), { samplePath });
  const changed: string[][] = [];
  service.on('store/changed', ({ tables }) => changed.push(tables));
  const before = await service['workspace/info']();
  assert.equal(before.counts.sessions, 0);

  const info = await service['workspace/openSample']();
  assert.equal(info.path, samplePath);
  assert.ok(existsSync(samplePath) && !existsSync(`${samplePath}.partial`));
  assert.ok(changed.length >= 1, 'views are told to reload');
  assert.ok(info.counts.sessions >= 15, `sessions: ${info.counts.sessions}`);
  assert.ok(info.counts.tasks >= 15);
  assert.equal(info.counts.chains, 3);
  const chains = await service['chains/list']({});
  assert.deepEqual(chains.rows.map((c) => c.name).sort(), [
    'Media design, run 1',
    'Media design, run 2',
    'Training gp-v2',
  ]);
  const diff = await service['chains/diff']({
    a: { kind: 'chain', id: chains.rows.find((c) => c.name?.endsWith('run 1'))!.chain_id },
    b: { kind: 'chain', id: chains.rows.find((c) => c.name?.endsWith('run 2'))!.chain_id },
    match_by: 'id',
  });
  assert.ok(
    diff.result.added.length >= 1 && diff.result.removed.length >= 1 && diff.result.modified.length >= 1,
  );

  const projects = await service['projects/list']();
  assert.deepEqual(projects.map((p) => p.name).sort(), ['MicroGrowAgents', 'PFASCommunityAgents']);
  const q = async (sql: string) => (await service['query/run']({ sql })).rows[0]![0];
  assert.equal(await q('SELECT MAX(depth) FROM provenance_sessions'), 2, 'nested three deep');
  assert.ok(Number(await q('SELECT COUNT(*) FROM provenance_sessions WHERE NOT success')) >= 2, 'failures');
  assert.ok(Number(await q('SELECT COUNT(*) FROM provenance_tool_calls WHERE cache_hit')) >= 3, 'cache hits');
  assert.ok(
    Number(await q('SELECT COUNT(*) FROM provenance_tool_calls WHERE NOT success')) >= 1,
    'a failed call',
  );
  assert.ok(Number(await q('SELECT COUNT(*) FROM provenance_decisions')) >= 8);
  assert.ok(Number(await q('SELECT COUNT(*) FROM provenance_transformations')) >= 4);
  assert.ok(
    Number(await q(`SELECT COUNT(*) FROM provenance_entity_links WHERE entity_table = 'tasks'`)) >= 5,
    'plan against execution',
  );
  assert.equal(
    Number(
      await q(
        `SELECT COUNT(*) FROM provenance_entity_links l LEFT JOIN tasks t ON t.id = l.entity_id WHERE l.entity_table = 'tasks' AND t.id IS NULL`,
      ),
    ),
    0,
    'every task link names a task of the graph',
  );
  assert.ok(
    existsSync(join(tmp.dir, 'sample', 'projects', 'MicroGrowAgents', '.claude', 'provenance', 'sessions')),
  );

  // A second open reuses the file.
  const again = await service['workspace/openSample']();
  assert.equal(again.counts.sessions, info.counts.sessions);
  await service.close();
});
