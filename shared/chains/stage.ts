/**
 * `traceStage` and `traceTraining` of §10: run a function between two events that record how it
 * went. A function "returns an error" when it returns an object with an `error` key.
 */
import type { Chain, KeptObject } from '../model/chains.js';
import { addEvents, mergeObjects } from './chain.js';
import { createEvent } from './event.js';
import { inspectString } from './inspect.js';
import { roundedText } from './numberText.js';
import { trainingCompleted, trainingStarted, type ConstructorOptions } from './training.js';

interface ClockGlobals {
  performance?: { now(): number };
}

/** Microseconds from a monotonic clock where there is one. */
export function monotonicMicros(): number {
  const perf = (globalThis as unknown as ClockGlobals).performance;
  return Math.floor((perf ? perf.now() : Date.now()) * 1000);
}

function isErrorResult(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'error' in r;
}

function isOkResult(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'ok' in r && !('error' in r);
}

/** `2us`, `1.23ms`, `1.5s`. */
export function formatDuration(us: number): string {
  if (us < 1000) return `${us}us`;
  if (us < 1_000_000) return `${roundedText(us / 1000, 2)}ms`;
  return `${roundedText(us / 1e6, 2)}s`;
}

/** Message of a thrown value: an Error's message, else `throw: {value}`. */
export function thrownMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return `throw: ${typeof e === 'string' ? inspectString(e) : String(e)}`;
}

export interface StageOptions {
  experiment_id?: string | null;
  parent_id?: string | null;
  metadata?: KeptObject;
  /** Microsecond clock, replaceable for tests. */
  clock?: () => number;
}

export interface Traced<T> {
  chain: Chain;
  /** What fn returned, or `{ error: message }` when it threw. */
  result: T | { error: string };
}

export function traceStage<T>(
  chain: Chain,
  stageId: string,
  fn: () => T,
  opts: StageOptions = {},
): Traced<T> {
  const clock = opts.clock ?? monotonicMicros;
  const shared = {
    stage_id: stageId,
    experiment_id: opts.experiment_id ?? null,
    parent_id: opts.parent_id ?? null,
  };
  const started = createEvent({
    ...shared,
    type: 'stage_started',
    decision: `Stage ${stageId} started`,
    reasoning: 'Beginning stage execution',
    metadata: mergeObjects(opts.metadata ?? {}, { stage_id: stageId }),
  });
  const t0 = clock();
  let result: T | { error: string };
  let status: 'ok' | 'error' | 'exception';
  let error: string | null = null;
  try {
    result = fn();
    status = isErrorResult(result) ? 'error' : 'ok';
  } catch (e) {
    error = thrownMessage(e);
    result = { error };
    status = 'exception';
  }
  const us = Math.max(0, Math.round(clock() - t0));
  const d = formatDuration(us);
  const reasoning =
    status === 'ok'
      ? `Stage completed successfully in ${d}`
      : status === 'error'
        ? `Stage completed with error in ${d}`
        : `Stage failed with exception after ${d}`;
  const stageMeta: KeptObject = { stage_id: stageId, duration_us: us, status };
  if (error !== null) stageMeta.error = error;
  const completed = createEvent({
    ...shared,
    type: 'stage_completed',
    decision: `Stage ${stageId} completed`,
    reasoning,
    metadata: mergeObjects(opts.metadata ?? {}, stageMeta),
  });
  return { chain: addEvents(chain, [started, completed]), result };
}

export function traceTraining<T>(chain: Chain, fn: () => T, opts: ConstructorOptions = {}): Traced<T> {
  const start = trainingStarted('Training started', 'Beginning training run', opts);
  let result: T | { error: string };
  let d: string;
  let r: string;
  try {
    result = fn();
    if (isOkResult(result)) [d, r] = ['Training completed successfully', 'Training run finished'];
    else if (isErrorResult(result)) [d, r] = ['Training completed with error', 'Training run had errors'];
    else [d, r] = ['Training completed', 'Training run finished'];
  } catch (e) {
    const message = thrownMessage(e);
    result = { error: message };
    [d, r] = ['Training failed', `Training run failed: ${message}`];
  }
  return { chain: addEvents(chain, [start, trainingCompleted(d, r, opts)]), result };
}
