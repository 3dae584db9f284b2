import { join } from 'node:path';
import type { TaskId } from '../../shared/model/ids.js';
import { ProvenanceTracker } from '../tracker/index.js';
import type { Workspace } from '../store/workspace.js';
import { seededRandom } from '../../shared/util/random.js';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Ctx {
  t: ProvenanceTracker;
  rand: () => number;
  tasks: Record<string, TaskId>;
}

const ORGANISMS = ['Methylorubrum extorquens AM-1', 'Methylobacterium aquaticum', 'Bradyrhizobium japonicum'];
const INGREDIENTS = ['CHEBI:33372', 'CHEBI:16236', 'CHEBI:32599', 'CHEBI:31795', 'CHEBI:63051'];

/** A tool call that takes a little real time, so the timeline has visible bars. */
async function call(
  c: Ctx,
  type: string,
  name: string,
  input: object,
  output: unknown,
  opts: { cache?: boolean; fail?: string } = {},
) {
  const ms = opts.cache ? 1 : 2 + Math.floor(c.rand() * 12);
  await pause(ms);
  c.t.recordToolCall(type, name, input, {
    output: opts.fail ? null : output,
    durationMs: ms,
    cacheHit: Boolean(opts.cache),
    success: !opts.fail,
    ...(opts.fail ? { error: opts.fail } : {}),
  });
}

async function formulation(c: Ctx, organism: string, withFailure: boolean): Promise<void> {
  const { t, rand } = c;
  await t.withSession(
    'MediaFormulationAgent',
    `Recommend MP medium variant for ${organism} with Nd3+`,
    { organism, base_medium: 'MP', max_variants: 3 },
    async () => {
      t.log('Loading base medium MP');
      t.linkEntity('tasks', c.tasks.formulate!, 'implements');
      await call(
        c,
        'database',
        'duckdb_query',
        { sql: 'SELECT * FROM media_ingredients WHERE media_id = ?' },
        [{ ingredient: 'PIPES' }, { ingredient: 'Methanol' }, { ingredient: 'K2HPO4' }],
      );
      await t.withSession(
        'PathwayAnalysisAgent',
        `Which methanol oxidation pathway does ${organism} use?`,
        {},
        async () => {
          await call(
            c,
            'api',
            'kegg_pathway_lookup',
            { pathway: 'map00680' },
            { name: 'Methane metabolism' },
            { cache: rand() < 0.5 },
          );
          t.linkEntity('pathway_models', 'map00680', 'used');
          await t.withSession(
            'ChemistryAgent',
            'Look up neodymium chloride',
            { compound: 'NdCl3' },
            async () => {
              await call(
                c,
                'api',
                'pubchem_compound_lookup',
                { name: 'NdCl3' },
                { cid: 24856 },
                { cache: true },
              );
              if (withFailure) {
                await call(c, 'api', 'pubchem_compound_lookup', { name: 'PQQ' }, null, {
                  fail: 'HTTPError 503: Service Unavailable',
                });
                t.log('PubChem unavailable; using the cached PQQ record', 'WARNING');
              }
              await call(c, 'api', 'chebi_lookup', { id: 'CHEBI:33372' }, { name: 'neodymium(3+)' });
              t.linkEntity('ingredients', 'CHEBI:33372', 'used');
            },
          );
          t.recordDecision(
            'pathway',
            'methanol_dehydrogenase',
            { xoxF: true, mxaF: rand() < 0.5 },
            'XoxF-MDH',
            ['MxaF-MDH', 'XoxF-MDH'],
            'xoxF present and the medium is Ca-free',
          );
        },
      );
      t.recordDecision(
        'supplementation',
        'lanthanide_supplementation',
        { calcium: 0, xoxF: true },
        'add_NdCl3',
        ['none', 'add_CeCl3', 'add_NdCl3'],
        'Nd3+ is required for XoxF-MDH and cheaper than Ce3+ here',
      );
      t.recordTransformation(
        'aggregation',
        'aggregate_variant_table',
        INGREDIENTS.map((id) => ({ id, conc_mM: Math.round(rand() * 100) / 10 })),
        [{ variant: 'MP-Nd-01' }, { variant: 'MP-Nd-02' }, { variant: 'MP-Nd-03' }],
        'pandas.groupby',
        { parameters: { by: 'variant' }, durationMs: 7 },
      );
      t.linkEntity('media', 'MP', 'derived_from');
      return { variants: ['MP-Nd-01', 'MP-Nd-02', 'MP-Nd-03'] };
    },
  );
}

async function growth(c: Ctx, organism: string, fail: boolean): Promise<void> {
  const { t } = c;
  await t
    .withSession(
      'GrowthPredictionAgent',
      `Predict growth of ${organism} on MP-Nd-0${1 + Math.floor(c.rand() * 3)}`,
      { organism },
      async () => {
        t.linkEntity('tasks', c.tasks.growth!, 'implements');
        await call(
          c,
          'database',
          'duckdb_query',
          { sql: 'SELECT * FROM growth_curves WHERE organism = ?' },
          { rows: 42 },
        );
        await call(c, 'model', 'growth_prediction', { model: 'gp-v2' }, { od600_max: 1.4 });
        if (fail) throw new Error('growth curve fit did not converge (R2 = 0.41)');
        t.recordDecision(
          'scoring',
          'rank_variants',
          { n: 3 },
          'MP-Nd-02',
          ['MP-Nd-01', 'MP-Nd-02', 'MP-Nd-03'],
          'highest predicted OD600',
        );
      },
    )
    .catch(() => undefined);
}

async function literature(c: Ctx): Promise<void> {
  const { t } = c;
  await t.withSession('LiteratureAgent', 'Evidence for lanthanide-dependent methylotrophy', {}, async () => {
    t.linkEntity('tasks', c.tasks.elicit!, 'implements');
    for (const q of ['XoxF lanthanide', 'Nd3+ methanol dehydrogenase', 'Ca-free MP medium']) {
      await call(
        c,
        'api',
        'pubmed_search',
        { q },
        { hits: 5 + Math.floor(c.rand() * 40) },
        { cache: c.rand() < 0.3 },
      );
    }
  });
}

async function pfas(c: Ctx, compound: string, fail: boolean): Promise<void> {
  const { t } = c;
  await t
    .withSession(
      'PFASCommunityAgent',
      `Which community members degrade ${compound}?`,
      { compound },
      async () => {
        await call(c, 'api', 'pubchem_compound_lookup', { name: compound }, { cid: 74483 });
        await t.withSession('SQLAgent', `count isolates tested against ${compound}`, {}, async () => {
          await call(
            c,
            'database',
            'duckdb_query',
            { sql: 'SELECT COUNT(*) FROM assays WHERE compound = ?' },
            { count: 17 },
          );
          t.recordDecision(
            'sql',
            'template_match',
            { q: 'count' },
            'count_by_compound',
            ['count_by_compound', 'free_sql'],
            'template matched',
          );
        });
        await call(c, 'calc', 'bcf_calculation', { compound, log_kow: 4.49 }, { bcf: 2.1e3 });
        if (fail) throw new Error(`no degradation data for ${compound}`);
        t.recordTransformation(
          'aggregation',
          'aggregate_community_table',
          [{ taxon: 'Pseudomonas' }],
          [{ taxon: 'Pseudomonas', n: 3 }],
          'groupby',
        );
        t.linkEntity('pfas_compounds', compound, 'queried');
      },
    )
    .catch(() => undefined);
}

/**
 * Sessions for the sample workspace, written by our own tracker into `<dir>/<project>/.claude/provenance`
 * and the workspace: two projects side by side, nested sessions, cache hits, a failure, decisions,
 * transformations, entity links (some to tasks, for plan against execution).
 */
export async function writeSampleSessions(
  ws: Workspace,
  dir: string,
  tasks: Record<string, TaskId>,
): Promise<void> {
  const rand = seededRandom(42);
  const mg = new ProvenanceTracker({
    workspace: ws,
    projectRoot: join(dir, 'MicroGrowAgents'),
    projectName: 'MicroGrowAgents',
  });
  const c: Ctx = { t: mg, rand, tasks };
  await literature(c);
  for (let i = 0; i < 4; i++) await formulation(c, ORGANISMS[i % ORGANISMS.length]!, i === 1);
  for (let i = 0; i < 3; i++) await growth(c, ORGANISMS[(i + 1) % ORGANISMS.length]!, i === 2);
  await mg.close();

  const pf = new ProvenanceTracker({
    workspace: ws,
    projectRoot: join(dir, 'PFASCommunityAgents'),
    projectName: 'PFASCommunityAgents',
    systemName: 'PFASCommunityAgents Provenance System v1.0',
  });
  const p: Ctx = { t: pf, rand, tasks };
  for (const [i, compound] of ['PFOS', 'PFOA', 'GenX'].entries()) await pfas(p, compound, i === 2);
  await pf.close();
}
