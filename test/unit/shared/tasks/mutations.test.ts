import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgentId, TaskGraph } from '../../../../shared/model/tasks.js';
import {
  closedTask,
  endedActivity,
  newActivity,
  newComment,
  newTask,
  TaskError,
  updatedTask,
  type TaskClock,
} from '../../../../shared/tasks/mutations.js';
import { fromWire, toWire } from '../../../../shared/tasks/wire.js';
import { agentLabel, edgeTargetKind, provAgentType } from '../../../../shared/tasks/prov.js';

function clock(start = 1777885500413010447n): TaskClock & { calls: string[] } {
  let now = start;
  let n = 0;
  const calls: string[] = [];
  return {
    calls,
    nowNs: () => {
      calls.push('now');
      return (now += 1000n);
    },
    newUuid: () => {
      calls.push('uuid');
      return `019df23b-d3fd-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
    },
  };
}

test('Create: open, medium task by default, no owner, created_at = updated_at, now taken before the uuid', () => {
  const c = clock();
  const t = newTask({ namespace: 'aura', title: 'T', phase: 'request' }, c);
  assert.deepEqual(c.calls, ['now', 'uuid']);
  assert.equal(t.id, 'aura--019df23b-d3fd-7000-8000-000000000000');
  assert.equal(t.namespace, 'aura');
  assert.equal(t.status, 'open');
  assert.equal(t.priority, 'medium');
  assert.equal(t.type, 'task');
  assert.equal(t.owner_id, null);
  assert.equal(t.created_at, t.updated_at);
  assert.equal(t.closed_at, null);
  assert.equal(t.close_reason, '');
  assert.throws(() => newTask({ namespace: '', title: 'T', phase: 'request' }, c), TaskError);
  assert.throws(() => newTask({ namespace: 'a', title: 'T', phase: 'Phase(40)' }, c), /Phase: unknown value/);
});

test('Update bumps updated_at, never touches closed_at/close_reason, and has no state machine', () => {
  const c = clock();
  const t = newTask({ namespace: 'aura', title: 'T', phase: 'request' }, c);
  const bumped = updatedTask(t, {}, 5n);
  assert.deepEqual({ ...bumped, updated_at: t.updated_at }, t);
  assert.equal(bumped.updated_at, 5n);
  const closedViaUpdate = updatedTask(t, { status: 'closed' }, 6n);
  assert.equal(closedViaUpdate.status, 'closed');
  assert.equal(closedViaUpdate.closed_at, null);
  assert.equal(closedViaUpdate.close_reason, '');
  const closed = closedTask(t, 'done', 7n);
  const reopened = updatedTask(closed, { status: 'open', owner_id: 'h--x' as AgentId }, 8n);
  assert.equal(reopened.status, 'open');
  assert.equal(reopened.closed_at, 7n);
  assert.equal(reopened.close_reason, 'done');
  assert.equal(reopened.owner_id, 'h--x');
  assert.equal(updatedTask(reopened, { title: 'new' }, 9n).owner_id, 'h--x', 'absent owner = unchanged');
});

test('CloseTask sets status, reason, closed_at = updated_at = now and refuses a closed task', () => {
  const t = newTask({ namespace: 'aura', title: 'T', phase: 'request' }, clock());
  const closed = closedTask(t, 'why', 42n);
  assert.equal(closed.status, 'closed');
  assert.equal(closed.close_reason, 'why');
  assert.equal(closed.closed_at, 42n);
  assert.equal(closed.updated_at, 42n);
  assert.throws(
    () => closedTask(closed, 'again', 43n),
    (e: TaskError) => e.code === 'already_closed' && /already closed/.test(e.message),
  );
});

test("comment ids take the task's namespace, activity ids the agent's", () => {
  const c = clock();
  const t = newTask({ namespace: 'https://x/y', title: 'T', phase: 'request' }, c);
  const comment = newComment(t, 'people--019df237-3f09-766e-b64e-2ec636ec8a8f' as AgentId, 'hi', c);
  assert.match(comment.id, /^https:\/\/x\/y--/);
  const act = newActivity(
    'ci--bots--019df237-3f09-77ac-bc02-559b3c42acdd' as AgentId,
    'unscoped',
    'in_progress',
    'n',
    c,
  );
  assert.match(act.id, /^ci--bots--019df23b/);
  assert.equal(act.ended_at, null);
  const ended = endedActivity(act, 100n);
  assert.equal(ended.stage, 'in_progress', 'EndActivity keeps the stage');
  assert.equal(endedActivity(ended, 200n).ended_at, 200n, 'not idempotent');
  assert.throws(() => newActivity('--nope' as AgentId, 'unscoped', 'in_progress', '', c), TaskError);
});

test('PROV mapping of edge kinds and agents', () => {
  assert.equal(edgeTargetKind('generated_by'), 'activity');
  assert.equal(edgeTargetKind('attributed_to'), 'agent');
  assert.equal(edgeTargetKind('discovered_from'), 'task');
  assert.equal(edgeTargetKind('EdgeKind(9)'), undefined);
  assert.equal(
    provAgentType({ kind: 'human', id: 'a--b' as AgentId, name: 'Ada', contact: '' }),
    'prov:Person',
  );
  assert.equal(
    agentLabel({
      kind: 'machine_learning',
      id: 'a--b' as AgentId,
      role: 'worker',
      provider: 'anthropic',
      model: 'claude-opus-4-6',
    }),
    'anthropic/claude-opus-4-6 (worker)',
  );
});

test('the wire form carries nanoseconds as strings and restores them exactly', () => {
  const t = newTask(
    { namespace: 'aura', title: 'created_at', phase: 'request' },
    clock(1777885500413010447n),
  );
  const graph: TaskGraph = {
    name: 'g',
    generation: 'classic',
    read_only: false,
    tasks: [closedTask(t, 'r', 1777889700642018930n)],
    edges: [],
    agents: [],
    activities: [],
    labels: [],
    comments: [],
    warnings: [],
  };
  const wire = toWire(graph);
  assert.equal(wire.tasks[0]!.closed_at, '1777889700642018930');
  assert.equal(typeof JSON.stringify(wire), 'string');
  assert.deepEqual(fromWire(wire), graph);
});
