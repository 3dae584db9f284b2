import type { SessionId } from '../../shared/model/ids.js';
import type { ProvenanceTracker } from './tracker.js';

export interface DemoRun {
  rootSessionId: SessionId;
  /** Root first, then each nested session in start order. */
  sessionIds: SessionId[];
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Simulated lookups: what a real agent would fetch from DuckDB, PubChem, KEGG, ChEBI. */
const INGREDIENTS = [
  { ingredient: 'PIPES' },
  { ingredient: 'Methanol' },
  { ingredient: 'K2HPO4' },
  { ingredient: 'NH4Cl' },
];

/**
 * A small MicroGrowAgents-like run, so a new user sees real sessions land in both stores:
 * MediaFormulationAgent -> PathwayAnalysisAgent -> ChemistryAgent (3 levels), with logs, tool
 * calls (one a cache hit, one failing with an HTTP error the agent recovers from), a decision, a
 * transformation and entity links. Used by `provex track demo`.
 */
export async function runDemoAgent(tracker: ProvenanceTracker): Promise<DemoRun> {
  const sessionIds: SessionId[] = [];
  const query = 'Recommend MP medium variant for Methylorubrum extorquens AM-1 with Nd3+';
  const kwargs = { organism: 'Methylorubrum extorquens AM-1', base_medium: 'MP', max_variants: 3 };
  await tracker.withSession('MediaFormulationAgent', query, kwargs, async (root) => {
    sessionIds.push(root.id);
    tracker.log('Loading base medium MP');
    const ingredients = await tracker.trackToolCall(
      'database',
      'duckdb_query',
      { sql: 'SELECT * FROM media_ingredients WHERE media_id = ?', params: ['MP'] },
      async () => {
        await pause(5);
        return INGREDIENTS;
      },
    );
    tracker.linkEntity('media', 'MP', 'derived_from');

    await tracker.withSession(
      'PathwayAnalysisAgent',
      'Which methanol oxidation pathway does AM-1 use?',
      { organism: 'AM-1' },
      async (child) => {
        sessionIds.push(child.id);
        const pathway = await tracker.trackToolCall(
          'api',
          'kegg_pathway_lookup',
          { pathway: 'map00680' },
          async () => {
            await pause(8);
            return { name: 'Methane metabolism', genes: ['xoxF', 'mxaF', 'pqqA'] };
          },
        );
        tracker.linkEntity('pathway_models', 'map00680', 'used');
        await tracker.withSession(
          'ChemistryAgent',
          'Look up neodymium chloride',
          { compound: 'NdCl3' },
          async (grandchild) => {
            sessionIds.push(grandchild.id);
            tracker.recordToolCall(
              'api',
              'pubchem_compound_lookup',
              { name: 'neodymium chloride' },
              {
                output: { cid: 66204, formula: 'Cl3Nd' },
                durationMs: 2,
                cacheHit: true,
              },
            );
            try {
              await tracker.trackToolCall('api', 'chebi_entity_lookup', { id: 'CHEBI:33372' }, async () => {
                await pause(3);
                throw new Error('HTTPError 503: Service Unavailable');
              });
            } catch {
              tracker.log('ChEBI unavailable; using the cached PubChem record', 'WARNING');
            }
            tracker.linkEntity('ingredients', 'CHEBI:33372', 'used');
          },
        );
        return { pathway: pathway.name, lanthanide_dependent: pathway.genes.includes('xoxF') };
      },
    );

    tracker.recordDecision(
      'strategy',
      'lanthanide_supplementation',
      { has_xoxF: true, calcium_free: true },
      'add_NdCl3',
      ['add_NdCl3', 'add_LaCl3', 'no_lanthanide'],
      'xoxF present and medium is Ca-free; Nd3+ required for XoxF-MDH',
    );
    const variants = ['MP-Nd-01', 'MP-Nd-02', 'MP-Nd-03'];
    tracker.recordTransformation(
      'aggregation',
      'aggregate_variant_table',
      variants.map((variant) => ({ variant })),
      { variants: variants.length, columns: ['variant', 'NdCl3_uM', 'PQQ_nM'], base: ingredients.length },
      'groupby',
      { parameters: { by: 'variant' }, durationMs: 4 },
    );
    tracker.log('PQQ upper bound clipped to 1000 nM', 'WARNING');
    return { status: 'success', variants, message: `${variants.length} MP variants recommended` };
  });
  return { rootSessionId: sessionIds[0]!, sessionIds };
}
