/**
 * `event_name` -> action `tool` (§5.3) and `event_type` -> action `type` (§5.2). A rule matches when
 * the lower-cased event name contains every string of one of its `allOf` groups (or equals `equals`,
 * case-sensitive); the first matching rule wins, and no match keeps the event name.
 */
export interface ToolRule {
  tool: string;
  /** Alternatives; each alternative is a list of substrings that must all occur. */
  anyOf?: readonly (readonly string[])[];
  /** Exact, case-sensitive names. */
  equals?: readonly string[];
}

export type ToolMap = readonly ToolRule[];

const sub = (...alternatives: string[]): (readonly string[])[] => alternatives.map((a) => [a]);

/** Rules 11–21: the PFASCommunityAgents generic mapping. */
export const PFAS_TOOL_MAP: ToolMap = [
  { tool: 'PubChemAPI', anyOf: sub('pubchem') },
  { tool: 'PubMedAPI', anyOf: sub('pubmed') },
  { tool: 'DuckDB', anyOf: sub('duckdb', 'database') },
  { tool: 'ChemistryAgent', anyOf: sub('chemistry') },
  { tool: 'SQLAgent', anyOf: sub('sql') },
  { tool: 'MediaAgent', anyOf: sub('media') },
  { tool: 'AgentExecution', equals: ['agent_start', 'agent_end'] },
  { tool: 'ChemicalCalculation', anyOf: sub('calculation', 'bcf') },
  { tool: 'DataAggregation', anyOf: sub('aggregate', 'transform') },
  { tool: 'AgentRouter', anyOf: sub('decision', 'route') },
  { tool: 'SQLTemplateMatch', anyOf: sub('template') },
];

/** Rules 1–22 of §5.3: the MicroGrowAgents additions, then the PFAS mapping. */
export const MICROGROW_TOOL_MAP: ToolMap = [
  { tool: 'KEGGPathwayAPI', anyOf: sub('kegg') },
  { tool: 'BioCycAPI', anyOf: sub('biocyc') },
  { tool: 'NCBIGenomeAPI', anyOf: sub('ncbi', 'genome') },
  { tool: 'ChEBIAPI', anyOf: sub('chebi') },
  { tool: 'EquilibratorAPI', anyOf: sub('equilibrator') },
  { tool: 'MediaOptimizationAgent', anyOf: [['media', 'optimization']] },
  { tool: 'MediaFormulationAgent', anyOf: [['media', 'formulation']] },
  { tool: 'GrowthPredictionAgent', anyOf: [['growth', 'prediction']] },
  { tool: 'PathwayAnalysisAgent', anyOf: sub('pathway') },
  { tool: 'LiteratureAgent', anyOf: sub('literature', 'evidence') },
  ...PFAS_TOOL_MAP,
];

export function mapTool(eventName: string, rules: ToolMap = MICROGROW_TOOL_MAP): string {
  const lower = eventName.toLowerCase();
  for (const rule of rules) {
    if (rule.equals?.includes(eventName)) return rule.tool;
    if (rule.anyOf?.some((all) => all.every((s) => lower.includes(s)))) return rule.tool;
  }
  return eventName;
}

const ACTION_TYPES: Record<string, string> = {
  lifecycle: 'execute',
  log: 'read',
  tool_call: 'query',
  decision: 'decision',
  transformation: 'analyze',
  cache_hit: 'query',
  validation: 'execute',
  database_query: 'query',
};

const READ_ONLY = new Set(['lifecycle', 'log', 'cache_hit']);

export function actionType(eventType: string): string {
  return ACTION_TYPES[eventType] ?? 'execute';
}

export function isReadOnly(eventType: string): boolean {
  return READ_ONLY.has(eventType);
}
