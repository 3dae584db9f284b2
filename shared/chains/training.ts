/**
 * Training, deployment and RL event constructors of §10. Listed metadata keys are always present
 * (null when not supplied) except in the two "only those given" constructors; option metadata is
 * merged last and wins. A JS number is an integer when integral: pass `keptFloat(x)` for a float 1.0.
 */
import type { ChainEvent, KeptJson, KeptNumber, KeptObject } from '../model/chains.js';
import { mergeObjects } from './chain.js';
import { createEvent } from './event.js';
import { isKeptNumber, keptNumberText } from './numberText.js';

export interface ConstructorOptions {
  experiment_id?: string | null;
  stage_id?: string | null;
  parent_id?: string | null;
  metadata?: KeptObject;
}

type Num = number | KeptNumber;
const orNull = (v: KeptJson | undefined): KeptJson => (v === undefined ? null : v);

function make(
  type: string,
  decision: string,
  reasoning: string,
  meta: KeptObject,
  o: ConstructorOptions,
): ChainEvent {
  return createEvent({
    type,
    decision,
    reasoning,
    metadata: mergeObjects(meta, o.metadata ?? {}),
    experiment_id: o.experiment_id ?? null,
    stage_id: o.stage_id ?? null,
    parent_id: o.parent_id ?? null,
  });
}

/** Only the given keys among `keys`. */
function given<T extends object>(o: T, keys: (keyof T & string)[]): KeptObject {
  const out: KeptObject = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k] as KeptJson;
  return out;
}

export function trainingStarted(
  d: string,
  r: string,
  o: ConstructorOptions & { model_name?: KeptJson; dataset?: KeptJson; config?: KeptJson } = {},
): ChainEvent {
  return make('training_started', d, r, given(o, ['model_name', 'dataset', 'config']), o);
}

export function trainingCompleted(
  d: string,
  r: string,
  o: ConstructorOptions & { final_loss?: KeptJson; final_accuracy?: KeptJson; total_epochs?: KeptJson } = {},
): ChainEvent {
  return make('training_completed', d, r, given(o, ['final_loss', 'final_accuracy', 'total_epochs']), o);
}

export function epochCompleted(n: Num, metrics: KeptObject = {}, o: ConstructorOptions = {}): ChainEvent {
  const text = keptNumberText(n);
  return make(
    'epoch_completed',
    `Epoch ${text} completed`,
    'Training epoch finished',
    mergeObjects(metrics, { epoch: n }),
    o,
  );
}

export function batchProcessed(
  n: Num,
  metrics: KeptObject = {},
  o: ConstructorOptions & { epoch?: KeptJson } = {},
): ChainEvent {
  const meta = mergeObjects(metrics, { batch: n, epoch: orNull(o.epoch) });
  return make('batch_processed', `Batch ${keptNumberText(n)} processed`, 'Training batch finished', meta, o);
}

export function lossComputed(v: Num, o: ConstructorOptions & { loss_type?: KeptJson } = {}): ChainEvent {
  const meta = { loss_value: v, loss_type: orNull(o.loss_type) };
  return make('loss_computed', `Loss: ${keptNumberText(v)}`, 'Loss value computed', meta, o);
}

export function checkpointSaved(
  path: string,
  o: ConstructorOptions & { metrics?: KeptJson; epoch?: KeptJson } = {},
): ChainEvent {
  const meta = { path, metrics: orNull(o.metrics), epoch: orNull(o.epoch) };
  return make('checkpoint_saved', `Checkpoint saved to ${path}`, 'Model checkpoint saved', meta, o);
}

export function checkpointLoaded(
  path: string,
  o: ConstructorOptions & { resume_epoch?: KeptJson } = {},
): ChainEvent {
  const meta = { path, resume_epoch: orNull(o.resume_epoch) };
  return make('checkpoint_loaded', `Checkpoint loaded from ${path}`, 'Model checkpoint loaded', meta, o);
}

export function earlyStopped(
  r: string,
  o: ConstructorOptions & { best_epoch?: KeptJson; patience?: KeptJson } = {},
): ChainEvent {
  const meta = { best_epoch: orNull(o.best_epoch), patience: orNull(o.patience) };
  return make('early_stopped', 'Training stopped early', r, meta, o);
}

export function deploymentStarted(
  path: string,
  o: ConstructorOptions & { environment?: KeptJson; version?: KeptJson } = {},
): ChainEvent {
  const meta = { model_path: path, environment: orNull(o.environment), version: orNull(o.version) };
  return make('deployment_started', `Deployment started for ${path}`, 'Model deployment initiated', meta, o);
}

export function modelLoaded(
  path: string,
  o: ConstructorOptions & { load_time_ms?: KeptJson } = {},
): ChainEvent {
  const meta = { model_path: path, load_time_ms: orNull(o.load_time_ms) };
  return make('model_loaded', `Model loaded from ${path}`, 'Model loaded for inference', meta, o);
}

export function inferenceCompleted(
  result: KeptJson,
  o: ConstructorOptions & { latency_ms?: KeptJson; batch_size?: KeptJson } = {},
): ChainEvent {
  const meta = { result, latency_ms: orNull(o.latency_ms), batch_size: orNull(o.batch_size) };
  return make('inference_completed', 'Inference completed', 'Model inference finished', meta, o);
}

export function rewardReceived(
  v: Num,
  o: ConstructorOptions & { step?: KeptJson; episode?: KeptJson } = {},
): ChainEvent {
  const meta = { reward: v, step: orNull(o.step), episode: orNull(o.episode) };
  return make('reward_received', `Reward: ${keptNumberText(v)}`, 'Reward signal received', meta, o);
}

export function policyUpdated(
  r: string,
  o: ConstructorOptions & { learning_rate?: KeptJson; gradient_norm?: KeptJson } = {},
): ChainEvent {
  const meta = { learning_rate: orNull(o.learning_rate), gradient_norm: orNull(o.gradient_norm) };
  return make('policy_updated', 'Policy updated', r, meta, o);
}

/** One `epochCompleted(m.epoch ?? 0, m, opts)` per metrics map. */
export function fromTrainingMetrics(list: readonly KeptObject[], o: ConstructorOptions = {}): ChainEvent[] {
  return list.map((m) =>
    epochCompleted(typeof m.epoch === 'number' || isKeptNumber(m.epoch) ? m.epoch : 0, m, o),
  );
}
