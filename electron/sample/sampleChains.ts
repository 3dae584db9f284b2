import type { Chain, ChainEvent, IsoTimestamp } from '../../shared/model/chains.js';
import { createEvent } from '../../shared/chains/event.js';
import { keptFloat } from '../../shared/chains/numberText.js';
import {
  checkpointSaved,
  earlyStopped,
  epochCompleted,
  lossComputed,
  trainingCompleted,
  trainingStarted,
} from '../../shared/chains/training.js';
import { saveChain } from '../store/chainRepository.js';
import type { Workspace } from '../store/workspace.js';

const at = (minute: number, second = 0): IsoTimestamp =>
  `2026-01-14T09:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z` as IsoTimestamp;

function chain(
  id: string,
  name: string,
  description: string,
  events: ChainEvent[],
  experiment: string,
): Chain {
  return {
    id,
    name,
    description,
    events,
    metadata: { experiment },
    created_at: events[0]!.timestamp,
    updated_at: events.at(-1)!.timestamp,
  };
}

/** A media-design reasoning run; `variant` 2 is the second run: edited, reordered and extended. */
function mediaRun(variant: 1 | 2): Chain {
  const e = (i: number, init: Omit<Parameters<typeof createEvent>[0], 'timestamp' | 'id'>) =>
    createEvent({ ...init, id: `media-e${i}`, timestamp: at(i * 2), experiment_id: 'mp-nd' });
  const events = [
    e(1, {
      type: 'hypothesis_formed',
      decision: 'AM-1 needs a lanthanide when grown on methanol without calcium',
      reasoning: 'xoxF is present and MxaF needs Ca2+, which the MP medium lacks',
      alternatives: ['Calcium-dependent MxaF pathway'],
      confidence: 0.8,
      stage_id: 'analysis',
    }),
    e(2, {
      type: 'constraint_evaluated',
      decision: 'Keep the medium Ca-free',
      reasoning: 'Ca2+ would switch expression back to MxaF and hide the Nd3+ effect',
      confidence: 0.9,
      stage_id: 'analysis',
    }),
    e(3, {
      type: 'alternative_rejected',
      decision: variant === 1 ? 'Reject Ce3+ supplementation' : 'Reject Ce3+ supplementation for now',
      reasoning:
        variant === 1
          ? 'Ce3+ is costlier and the strain grows on Nd3+ in the literature'
          : 'Ce3+ is costlier; revisit if Nd3+ growth is slow',
      alternatives: ['CeCl3', 'LaCl3'],
      confidence: variant === 1 ? 0.7 : 0.55,
      stage_id: 'design',
    }),
    e(4, {
      type: 'pattern_applied',
      decision: 'Add NdCl3 at 2 µM',
      reasoning: 'The published AM-1 minimal medium uses 2 µM lanthanide',
      code_section: 'media/formulate.py',
      spec_reference: 'MP-medium §3',
      confidence: 0.85,
      stage_id: 'design',
    }),
    e(5, {
      type: 'ambiguity_flagged',
      decision: 'PQQ upper bound is unclear',
      reasoning: 'Sources disagree between 100 nM and 1 µM',
      confidence: 0.45,
      stage_id: 'design',
    }),
  ];
  if (variant === 2) {
    events.splice(4, 1);
    events.push(
      e(6, {
        type: 'confidence_updated',
        decision: 'Clip PQQ at 1000 nM',
        reasoning: 'The growth model is flat above 1 µM, so the bound does not matter',
        confidence: 0.75,
        stage_id: 'design',
      }),
    );
  }
  const linked = events.map((ev, i) => (i === 0 ? ev : { ...ev, parent_id: events[0]!.id }));
  return chain(
    `sample-media-run-${variant}`,
    `Media design, run ${variant}`,
    'How the agent chose the MP + Nd3+ medium',
    linked,
    'mp-nd',
  );
}

function trainingRun(): Chain {
  const o = { experiment_id: 'gp-v2', stage_id: 'training' };
  const losses = [1.2, 0.81, 0.62, 0.55, 0.53, 0.54];
  const events: ChainEvent[] = [
    trainingStarted('Train the growth predictor gp-v2', 'New curves from the Nd3+ runs', {
      ...o,
      model_name: 'gp-v2',
      dataset: 'growth_curves_2026_01',
    }),
  ];
  losses.forEach((loss, i) => {
    events.push(lossComputed(keptFloat(loss), o));
    events.push(epochCompleted(i + 1, { loss: keptFloat(loss), accuracy: keptFloat(0.6 + i * 0.05) }, o));
    if (i === 2) events.push(checkpointSaved('checkpoints/gp-v2-e3.pt', { ...o, epoch: 3 }));
  });
  events.push(earlyStopped('validation loss rose after epoch 5', { ...o, best_epoch: 5, patience: 1 }));
  events.push(
    trainingCompleted('Training stopped early', 'Best epoch 5', {
      ...o,
      final_loss: keptFloat(0.53),
      total_epochs: 6,
    }),
  );
  const timed = events.map((ev, i) => ({
    ...ev,
    id: `train-e${i}`,
    timestamp: at(20 + Math.floor(i / 2), (i % 2) * 30),
  }));
  return chain(
    'sample-training-gp-v2',
    'Training gp-v2',
    'Loss and accuracy over epochs, early stop',
    timed,
    'gp-v2',
  );
}

/** Chains for the sample workspace: two runs of one reasoning to diff, and a training chain. */
export async function writeSampleChains(ws: Workspace): Promise<void> {
  for (const c of [mediaRun(1), mediaRun(2), trainingRun()]) await saveChain(ws, c);
}
