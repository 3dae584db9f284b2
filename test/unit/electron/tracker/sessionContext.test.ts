import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-context-');
after(tmp.cleanup);

const tracker = (name: string): ProvenanceTracker =>
  new ProvenanceTracker({ dbPath: join(tmp.dir, name, 'db.duckdb'), projectRoot: join(tmp.dir, name) });

test('straight-line start/end: the child is current until it ends, then the parent again', async () => {
  const t = tracker('straight');
  const root = t.startSession('Root', 'q');
  const child = t.startSession('Child', 'q2');
  assert.equal(child.parentId, root.id);
  assert.equal(child.depth, 1);
  t.log('to the child');
  await t.endSession(true);
  assert.equal(t.current()?.id, root.id);
  t.log('to the root');
  await t.endSession(true);
  assert.equal(t.current(), null);
  await t.close();
  assert.deepEqual(
    root.state.events.map((e) => e.event_name),
    ['agent_start', 'log_info', 'agent_end'],
  );
  assert.deepEqual(
    child.state.events.map((e) => e.event_name),
    ['agent_start', 'log_info', 'agent_end'],
  );
  assert.equal(root.state.end?.success, true, 'the parent is persisted too (§12.1)');
});

test('concurrent withSession calls each see their own session, nested ones their parent', async () => {
  const t = tracker('concurrent');
  const seen: string[] = [];
  await Promise.all(
    ['A', 'B', 'C'].map((name) =>
      t.withSession(name, name, {}, async (s) => {
        await new Promise((r) => setTimeout(r, 5));
        assert.equal(t.current()?.id, s.id);
        await t.withSession(`${name}.child`, name, {}, async (c) => {
          assert.equal(c.parentId, s.id);
          await new Promise((r) => setTimeout(r, 1));
          t.log(`${name} child`);
          seen.push(`${c.agentType}:${t.current()?.agentType}`);
        });
        assert.equal(t.current()?.id, s.id);
      }),
    ),
  );
  await t.close();
  assert.deepEqual(seen.sort(), ['A.child:A.child', 'B.child:B.child', 'C.child:C.child']);
});

test('withSession ends the session with the error and rethrows it', async () => {
  const t = tracker('throws');
  let handle: { state: { end: { success: boolean; errorMessage: string | null } | null } } | null = null;
  await assert.rejects(
    t.withSession('Boom', 'q', {}, (s) => {
      handle = s;
      throw new TypeError('bad input');
    }),
    TypeError,
  );
  await t.close();
  assert.deepEqual(
    { success: handle!.state.end?.success, error: handle!.state.end?.errorMessage },
    { success: false, error: 'bad input' },
  );
});
