import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { asSessionId } from '../../../shared/model/ids.js';
import { validateArgs } from '../../../shared/ipc/validateArgs.js';
import { Service } from '../../../electron/service.js';
import { Workspace } from '../../../electron/store/workspace.js';
import { tempDir } from '../../helpers/paths.js';
import { SEED, seedSessions } from '../../helpers/seedSessions.js';

const tmp = tempDir('provex-service-');
let ws: Workspace;
let service: Service;

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  await seedSessions(ws, { largeEvents: 300, batch: 12 });
  service = new Service(ws);
});
after(() => {
  ws.close();
  tmp.cleanup();
});

test('sessions/detail gives the record with summary.md and manifest, without events', async () => {
  const detail = await service['sessions/detail']({ session_id: asSessionId(SEED.root) });
  assert.ok(detail);
  assert.equal(detail.project, 'MicroGrowAgents');
  assert.equal(detail.folder, 'sessions/2026-01-13-16-05');
  assert.ok(detail.summary_md?.includes(SEED.summaryMarkup));
  assert.deepEqual((detail.manifest as { results: unknown }).results, { api_calls_made: 3, cache_hits: 1 });
  assert.equal(detail.event_count, 8);
  assert.equal(detail.cache_hits, 1);
  assert.equal(!('events' in detail), true);
  assert.equal(await service['sessions/detail']({ session_id: asSessionId('nope') }), null);
  assert.throws(() => validateArgs('sessions/detail', {}), /missing field "session_id"/);
});

test('the seed: list pages, nesting, the large session and shared entities', async () => {
  const info = await service['workspace/info']();
  assert.equal(info.counts.sessions, 5 + 12 + 1);
  const page = await service['sessions/list']({ limit: 5, offset: 0 });
  assert.equal(page.total, 18);
  const overview = await service['timeline/overview']({ session_id: asSessionId(SEED.root) });
  assert.deepEqual(
    overview?.lanes.map((l) => [l.session_id, l.depth]),
    [
      [SEED.root, 0],
      [SEED.child, 1],
      [SEED.grand, 2],
    ],
  );
  const large = await service['timeline/overview']({ session_id: asSessionId(SEED.large) });
  assert.equal(large?.total_rows, 301);
  const shared = await service['entities/sessions']({ entity_table: 'media', entity_id: 'MP-1' });
  assert.deepEqual(shared.map((s) => s.session_id).sort(), [SEED.root, SEED.pfasShared].sort());
});
