import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type * as SL from '../../../../renderer/src/stores/sessionListSql.js';
import type * as US from '../../../../renderer/src/stores/urlState.js';
import { runReadOnlyQuery } from '../../../../electron/store/readOnlyQuery.js';
import { listSessions } from '../../../../electron/store/sessionRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { rendererJs } from '../../../helpers/rendererModule.js';
import { tempDir } from '../../../helpers/paths.js';
import { seedSessions } from '../../../helpers/seedSessions.js';

const sl = (await import(rendererJs('stores/sessionListSql.js'))) as typeof SL;
const us = (await import(rendererJs('stores/urlState.js'))) as typeof US;
const tmp = tempDir();
let ws: Workspace;

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'list.duckdb'));
  await seedSessions(ws);
});
after(() => {
  ws.close();
  tmp.cleanup();
});

test('the exported list holds the sessions the view lists, in its order, for every filter', async () => {
  const base = us.parseHash('#/sessions');
  if (base.view !== 'sessions') throw new Error('expected the sessions route');
  const cases = [
    {},
    { success: false },
    { search: "media'; DROP TABLE x; --" },
    { search: 'Media' },
    { project: 'MicroGrowAgents' },
    { sort: 'duration_ms' as const, descending: false },
  ];
  for (const patch of cases) {
    const list = { ...base.list, ...patch };
    const result = await runReadOnlyQuery(ws, sl.sessionListSql(list));
    const page = await listSessions(ws, {
      ...(list.success !== null ? { success: list.success } : {}),
      ...(list.project ? { project: list.project } : {}),
      ...(list.search ? { search: list.search } : {}),
      sort: list.sort,
      descending: list.descending,
      limit: 100_000,
    });
    const ids = result.rows.map((r) => r[0]);
    const listed = page.rows.map((r) => r.session_id as string);
    if (!list.search) assert.deepEqual(ids, listed, JSON.stringify(patch));
    else {
      // The view's search also matches event details; the export searches the sessions' own fields.
      assert.deepEqual(
        ids,
        listed.filter((id) => ids.includes(id)),
        JSON.stringify(patch),
      );
      assert.ok(ids.every((id) => listed.includes(String(id))));
    }
    assert.deepEqual(
      result.columns.slice(0, 3).map((c) => c.name),
      ['session_id', 'project', 'agent_type'],
    );
  }
});
