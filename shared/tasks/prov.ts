/**
 * How each stored construct maps to W3C PROV (§11): edge kinds to relations with the type of
 * their target, agent kinds to PROV agent types. Everything but blocked_by is lineage only.
 */
import type { EdgeKindName, TaskAgent } from '../model/tasks.js';

export type EdgeTargetKind = 'task' | 'activity' | 'agent';

export interface EdgeKindInfo {
  /** What `target_id` names (§7.2). */
  target: EdgeTargetKind;
  /** PROV-O property, or an extension term for the tracker's own relations. */
  relation: string;
  /** True for the standard PROV relations; false for the tracker's extensions. */
  standard: boolean;
}

export const EDGE_KINDS: Readonly<Record<EdgeKindName, EdgeKindInfo>> = {
  blocked_by: { target: 'task', relation: 'ext:blockedBy', standard: false },
  derived_from: { target: 'task', relation: 'prov:wasDerivedFrom', standard: true },
  supersedes: { target: 'task', relation: 'ext:supersedes', standard: false },
  discovered_from: { target: 'task', relation: 'ext:discoveredFrom', standard: false },
  generated_by: { target: 'activity', relation: 'prov:wasGeneratedBy', standard: true },
  attributed_to: { target: 'agent', relation: 'prov:wasAttributedTo', standard: true },
};

/** What an edge kind's target is, or undefined for an unknown `EdgeKind(n)`. */
export function edgeTargetKind(kind: string): EdgeTargetKind | undefined {
  return (EDGE_KINDS as Record<string, EdgeKindInfo | undefined>)[kind]?.target;
}

/** PROV-O type of an agent: Person, SoftwareAgent, or Agent with the LLM extension type. */
export function provAgentType(agent: TaskAgent): string {
  switch (agent.kind) {
    case 'human':
      return 'prov:Person';
    case 'software':
      return 'prov:SoftwareAgent';
    case 'machine_learning':
      return 'prov:Agent';
  }
}

/** A short display label for an agent of any kind. */
export function agentLabel(agent: TaskAgent): string {
  switch (agent.kind) {
    case 'human':
      return agent.name;
    case 'software':
      return agent.version ? `${agent.name} ${agent.version}` : agent.name;
    case 'machine_learning':
      return `${agent.provider}/${agent.model} (${agent.role})`;
  }
}
