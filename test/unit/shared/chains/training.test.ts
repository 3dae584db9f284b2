import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as t from '../../../../shared/chains/training.js';
import { formatDuration, traceStage, traceTraining } from '../../../../shared/chains/stage.js';
import { createChain } from '../../../../shared/chains/chain.js';
import { createEvent, validateEvent } from '../../../../shared/chains/event.js';
import { keptFloat } from '../../../../shared/chains/numberText.js';
import { writeKeptJson } from '../../../../shared/chains/keptJson.js';

const opts = { experiment_id: 'exp', stage_id: 'train', parent_id: 'p0' };

test('constructors: type, texts, metadata keys (null when not given), options (§10)', () => {
  const started = t.trainingStarted('Go', 'Why', { model_name: 'cnn', ...opts });
  assert.equal(started.type, 'training_started');
  assert.deepEqual(started.metadata, { model_name: 'cnn' }); // only those given
  assert.equal(started.experiment_id, 'exp');
  assert.equal(started.stage_id, 'train');
  assert.equal(started.parent_id, 'p0');
  assert.equal(started.confidence, 1);
  assert.deepEqual(started.alternatives, []);
  assert.equal(started.code_section, null);
  assert.deepEqual(t.trainingCompleted('d', 'r', { final_loss: 0.2 }).metadata, { final_loss: 0.2 });

  const epoch = t.epochCompleted(3, { loss: 0.5, epoch: 99 });
  assert.equal(epoch.decision, 'Epoch 3 completed');
  assert.equal(epoch.reasoning, 'Training epoch finished');
  assert.deepEqual(epoch.metadata, { loss: 0.5, epoch: 3 });
  const batch = t.batchProcessed(7, { loss: 0.1 });
  assert.equal(batch.decision, 'Batch 7 processed');
  assert.deepEqual(batch.metadata, { loss: 0.1, batch: 7, epoch: null });
  assert.equal(t.lossComputed(0.234).decision, 'Loss: 0.234');
  assert.equal(t.lossComputed(2).decision, 'Loss: 2');
  assert.deepEqual(t.lossComputed(2, { loss_type: 'cross_entropy' }).metadata, {
    loss_value: 2,
    loss_type: 'cross_entropy',
  });
  assert.equal(t.rewardReceived(keptFloat(1000)).decision, 'Reward: 1.0e3');
  assert.equal(
    writeKeptJson(t.rewardReceived(keptFloat(1000)).metadata),
    '{\n  "episode": null,\n  "reward": 1.0e3,\n  "step": null\n}',
  );
  assert.deepEqual(t.checkpointSaved('/m.pt', { epoch: 2 }).metadata, {
    path: '/m.pt',
    metrics: null,
    epoch: 2,
  });
  assert.equal(t.checkpointSaved('/m.pt').decision, 'Checkpoint saved to /m.pt');
  assert.equal(t.checkpointLoaded('/m.pt').decision, 'Checkpoint loaded from /m.pt');
  assert.deepEqual(t.checkpointLoaded('/m.pt').metadata, { path: '/m.pt', resume_epoch: null });
  const early = t.earlyStopped('no progress', { patience: 3 });
  assert.deepEqual([early.decision, early.reasoning], ['Training stopped early', 'no progress']);
  assert.deepEqual(early.metadata, { best_epoch: null, patience: 3 });
  const dep = t.deploymentStarted('/m', { environment: 'staging' });
  assert.equal(dep.decision, 'Deployment started for /m');
  assert.deepEqual(dep.metadata, { model_path: '/m', environment: 'staging', version: null });
  assert.deepEqual(t.modelLoaded('/m', { load_time_ms: 12 }).metadata, {
    model_path: '/m',
    load_time_ms: 12,
  });
  assert.deepEqual(t.inferenceCompleted({ label: 'cat' }).metadata, {
    result: { label: 'cat' },
    latency_ms: null,
    batch_size: null,
  });
  const policy = t.policyUpdated('gradient step', { learning_rate: 0.01 });
  assert.deepEqual([policy.type, policy.decision], ['policy_updated', 'Policy updated']);
  assert.deepEqual(policy.metadata, { learning_rate: 0.01, gradient_norm: null });
});

test('option metadata is merged last and wins', () => {
  const e = t.lossComputed(1.5, { loss_type: 'mse', metadata: { loss_type: 'override', note: 'x' } });
  assert.deepEqual(e.metadata, { loss_value: 1.5, loss_type: 'override', note: 'x' });
});

test('fromTrainingMetrics: one epoch event per map', () => {
  const events = t.fromTrainingMetrics([{ epoch: 1, loss: 0.5 }, { loss: 0.4 }], { stage_id: 's' });
  assert.deepEqual(
    events.map((e) => e.decision),
    ['Epoch 1 completed', 'Epoch 0 completed'],
  );
  assert.equal(events[1]!.stage_id, 's');
});

function clock(...ticks: number[]): () => number {
  return () => ticks.shift() ?? 0;
}

test('traceStage records start and completion with status and duration', () => {
  const chain = createChain('c');
  const ok = traceStage(chain, 'prep', () => 42, {
    experiment_id: 'x',
    metadata: { stage_id: 'no', k: 1 },
    clock: clock(0, 1230),
  });
  assert.equal(ok.result, 42);
  const [s, c] = ok.chain.events;
  assert.deepEqual(
    [s!.type, s!.decision, s!.reasoning],
    ['stage_started', 'Stage prep started', 'Beginning stage execution'],
  );
  assert.deepEqual(s!.metadata, { stage_id: 'prep', k: 1 });
  assert.deepEqual(
    [c!.decision, c!.reasoning],
    ['Stage prep completed', 'Stage completed successfully in 1.23ms'],
  );
  assert.deepEqual(c!.metadata, { stage_id: 'prep', k: 1, duration_us: 1230, status: 'ok' });
  assert.equal(c!.stage_id, 'prep');
  assert.equal(c!.experiment_id, 'x');

  const err = traceStage(chain, 's', () => ({ error: 'bad' }), { clock: clock(0, 2) });
  assert.equal(err.chain.events[1]!.reasoning, 'Stage completed with error in 2us');
  assert.equal(err.chain.events[1]!.metadata.status, 'error');

  const boom = traceStage(
    chain,
    's',
    () => {
      throw new Error('boom');
    },
    { clock: clock(0, 1_500_000) },
  );
  assert.deepEqual(boom.result, { error: 'boom' });
  assert.equal(boom.chain.events[1]!.reasoning, 'Stage failed with exception after 1.5s');
  assert.deepEqual(boom.chain.events[1]!.metadata, {
    stage_id: 's',
    duration_us: 1_500_000,
    status: 'exception',
    error: 'boom',
  });
  const thrown = traceStage(chain, 's', () => {
    throw 'oops';
  });
  assert.equal(thrown.chain.events[1]!.metadata.error, 'throw: "oops"');
});

test('durations: us below 1000, ms below 1 s, else s', () => {
  assert.equal(formatDuration(2), '2us');
  assert.equal(formatDuration(999), '999us');
  assert.equal(formatDuration(1000), '1.0ms');
  assert.equal(formatDuration(1234), '1.23ms');
  assert.equal(formatDuration(1_500_000), '1.5s');
});

test('traceTraining brackets the run with start and completion events', () => {
  const chain = createChain('c');
  const cases: [() => unknown, string, string][] = [
    [() => ({ ok: 1 }), 'Training completed successfully', 'Training run finished'],
    [() => ({ error: 'x' }), 'Training completed with error', 'Training run had errors'],
    [() => 'whatever', 'Training completed', 'Training run finished'],
    [
      () => {
        throw new Error('nan loss');
      },
      'Training failed',
      'Training run failed: nan loss',
    ],
  ];
  for (const [fn, d, r] of cases) {
    const traced = traceTraining(chain, fn, { experiment_id: 'e' });
    const [start, end] = traced.chain.events;
    assert.deepEqual([start!.decision, start!.reasoning], ['Training started', 'Beginning training run']);
    assert.deepEqual([end!.type, end!.decision, end!.reasoning], ['training_completed', d, r]);
    assert.equal(end!.experiment_id, 'e');
  }
});

test('validation (§2.1): type, then confidence, then texts', () => {
  const base = { type: 'hypothesis_formed', decision: 'd', reasoning: 'r' };
  assert.ok('ok' in validateEvent(createEvent(base)));
  assert.deepEqual(validateEvent(createEvent({ ...base, type: 'stage_start', confidence: 2 })), {
    error: 'Invalid event type: :stage_start',
  });
  assert.deepEqual(validateEvent(createEvent({ ...base, confidence: 1.5 })), {
    error: 'Confidence must be between 0.0 and 1.0, got: 1.5',
  });
  assert.deepEqual(validateEvent(createEvent({ ...base, reasoning: '' })), {
    error: 'Decision and reasoning must be non-empty strings',
  });
  assert.ok('ok' in validateEvent(createEvent({ ...base, confidence: 1 }))); // integer 1 is 1.0
  assert.ok('ok' in validateEvent(t.epochCompleted(1)));
});
