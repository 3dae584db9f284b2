/** The 26 event type names of §2.2. Readers keep any other string; these are what validation accepts. */

export const REASONING_TYPES = [
  'hypothesis_formed',
  'alternative_rejected',
  'constraint_evaluated',
  'pattern_applied',
  'ambiguity_flagged',
  'confidence_updated',
] as const;

export const EVENT_TYPE_GROUPS = {
  reasoning: REASONING_TYPES,
  training: ['training_started', 'training_completed', 'epoch_started', 'epoch_completed', 'batch_processed'],
  metrics: ['loss_computed', 'metric_recorded', 'gradient_computed'],
  checkpoint: ['checkpoint_saved', 'checkpoint_loaded', 'early_stopped'],
  deployment: ['deployment_started', 'model_loaded', 'inference_completed', 'deployment_completed'],
  rl: ['reward_received', 'policy_updated', 'experience_sampled'],
  stage: ['stage_started', 'stage_completed'],
} as const;

export type EventType = (typeof EVENT_TYPE_GROUPS)[keyof typeof EVENT_TYPE_GROUPS][number];
export type ReasoningType = (typeof REASONING_TYPES)[number];

export const EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPE_GROUPS).flat();

const KNOWN = new Set<string>(EVENT_TYPES);
const REASONING = new Set<string>(REASONING_TYPES);

export function isEventType(type: string): type is EventType {
  return KNOWN.has(type);
}

export function isReasoningType(type: string): type is ReasoningType {
  return REASONING.has(type);
}
