import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MICROGROW_TOOL_MAP,
  PFAS_TOOL_MAP,
  actionType,
  isReadOnly,
  mapTool,
} from '../../../../electron/tracker/toolMap.js';

test('event names map to tools by the §5.3 rules, first match wins', () => {
  const cases: [string, string][] = [
    ['database.genome_lookup', 'NCBIGenomeAPI'],
    ['api.kegg_pathway_lookup', 'KEGGPathwayAPI'],
    ['aggregate_variant_table', 'DataAggregation'],
    ['route_selection', 'AgentRouter'],
    ['media_type', 'MediaAgent'],
    ['media_formulation_step', 'MediaFormulationAgent'],
    ['Media_Optimization', 'MediaOptimizationAgent'],
    ['growth_prediction', 'GrowthPredictionAgent'],
    ['api.pubchem_compound_lookup', 'PubChemAPI'],
    ['database.duckdb_query', 'DuckDB'],
    ['agent_start', 'AgentExecution'],
    ['Agent_Start', 'Agent_Start'],
    ['bcf_estimate', 'ChemicalCalculation'],
    ['sql_template', 'SQLAgent'],
    ['template_match', 'SQLTemplateMatch'],
    ['lanthanide_supplementation', 'lanthanide_supplementation'],
    ['log_info', 'log_info'],
  ];
  for (const [name, tool] of cases) assert.equal(mapTool(name, MICROGROW_TOOL_MAP), tool, name);
});

test('the PFAS map lacks the MicroGrowAgents rules 1-10', () => {
  assert.equal(mapTool('api.kegg_pathway_lookup', PFAS_TOOL_MAP), 'api.kegg_pathway_lookup');
  assert.equal(mapTool('database.genome_lookup', PFAS_TOOL_MAP), 'DuckDB');
});

test('event types map to action types and read_only as §5.2 says', () => {
  assert.equal(actionType('lifecycle'), 'execute');
  assert.equal(actionType('log'), 'read');
  assert.equal(actionType('tool_call'), 'query');
  assert.equal(actionType('transformation'), 'analyze');
  assert.equal(actionType('whatever'), 'execute');
  assert.equal(isReadOnly('log'), true);
  assert.equal(isReadOnly('tool_call'), false);
});
