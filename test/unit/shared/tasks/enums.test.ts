import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENUMS, enumName, enumValue, isKnownName, requireEnumValue } from '../../../../shared/tasks/enums.js';

test('every enum maps names to the integers of the spec and back', () => {
  const spec: Record<string, Record<string, number>> = {
    Status: { open: 0, in_progress: 1, closed: 2 },
    Priority: { critical: 0, high: 1, medium: 2, low: 3, backlog: 4 },
    TaskType: { bug: 0, feature: 1, task: 2, epic: 3, chore: 4 },
    EdgeKind: {
      blocked_by: 0,
      derived_from: 1,
      supersedes: 2,
      discovered_from: 3,
      generated_by: 4,
      attributed_to: 5,
    },
    AgentKind: { human: 0, machine_learning: 1, software: 2 },
    Provider: { anthropic: 0, google: 1, openai: 2, local: 3 },
    Role: { human: 0, architect: 1, supervisor: 2, worker: 3, reviewer: 4 },
    Phase: {
      request: 0,
      elicit: 1,
      propose: 2,
      review: 3,
      plan_uat: 4,
      ratify: 5,
      handoff: 6,
      impl_plan: 7,
      worker_slices: 8,
      code_review: 9,
      impl_uat: 10,
      landing: 11,
      unscoped: 12,
    },
    Stage: { not_started: 0, in_progress: 1, blocked: 2, complete: 3 },
  };
  assert.deepEqual(Object.keys(ENUMS).sort(), Object.keys(spec).sort());
  for (const [kind, names] of Object.entries(spec)) {
    for (const [name, value] of Object.entries(names)) {
      assert.equal(enumName(kind as keyof typeof ENUMS, value), name);
      assert.equal(enumValue(kind as keyof typeof ENUMS, name), value);
    }
  }
});

test('unknown integers read as Kind(n) and convert back; other names are refused', () => {
  assert.equal(enumName('Status', 7), 'Status(7)');
  assert.equal(enumName('Phase', -1), 'Phase(-1)');
  assert.equal(enumValue('Status', 'Status(7)'), 7);
  assert.equal(enumValue('Status', 'Priority(7)'), undefined);
  assert.equal(enumValue('Status', 'Closed'), undefined);
  assert.equal(isKnownName('Status', 'Status(7)'), false);
  assert.equal(isKnownName('Status', 'closed'), true);
  assert.throws(() => requireEnumValue('Stage', 'done'), /Stage: unknown value 'done'/);
});
