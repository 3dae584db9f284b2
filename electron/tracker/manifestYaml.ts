import type { JsonObject } from '../../shared/model/json.js';
import { isTruthy, lineDetail } from './actionLine.js';
import { byCodePoint, pyRound2 } from './pyFormat.js';
import { PyFloat, toPyYaml } from './pyYaml.js';
import type { SessionState } from './sessionState.js';

/** Values that are the same for every session of one tracker. */
export interface ManifestContext {
  projectRoot: string;
  projectName: string;
  /** The DB path as written: relative to the project root when inside it (§12.11). */
  databasePath: string | null;
  /** `sessions/` relative to the project root, with `/`, e.g. `.claude/provenance/sessions`. */
  sessionsDir: string;
  model: string;
  user: string;
  systemName: string;
  runtimeVersion: string;
}

/** The MicroGrowAgents `entity_links` keys, always present (§4.1); other tables are added. */
const ENTITY_LINK_KEYS = ['genome_annotations', 'pathway_models', 'media_formulations', 'ingredients'];

/**
 * `manifest.yaml` of a generated session: the §4.1 keys in order, with the fields §12.10 says to
 * fill. Before the session ends it is the initial manifest (`date_ended: null`).
 */
export function buildManifest(s: SessionState, ctx: ManifestContext): Record<string, unknown> {
  const lines = s.lines;
  const ofType = (t: string): JsonObject[] => lines.filter((l) => l.type === t);
  const ofTool = (t: string): JsonObject[] => lines.filter((l) => l.tool === t);
  const hits = (ls: JsonObject[]): number => ls.filter((l) => isTruthy(lineDetail(l, 'cache_hit'))).length;
  const queries = ofType('query');
  const durationMs = s.end?.durationMs ?? 0;
  const entityLinks: Record<string, string[]> = Object.fromEntries(ENTITY_LINK_KEYS.map((k) => [k, []]));
  for (const l of s.links) {
    const ids = (entityLinks[l.entity_table] ??= []);
    if (!ids.includes(l.entity_id)) ids.push(l.entity_id);
  }
  const folder = s.folder ?? '';
  return {
    session: {
      id: `agent-session-${folder}`,
      database_session_id: s.id,
      date_started: `${s.startIso}Z`,
      date_ended: s.end ? `${s.end.iso}Z` : null,
      duration_minutes: durationMs ? new PyFloat(pyRound2(durationMs / 60000)) : null,
      model: ctx.model,
      user: ctx.user,
      session_type: 'agent_execution',
      agent_type: s.agentType,
    },
    user_context: {
      working_directory: ctx.projectRoot,
      git_branch: s.gitBefore.branch,
      git_commit_before: s.gitBefore.commit,
      git_commit_after: s.end?.git.commit ?? null,
      python_version: ctx.runtimeVersion,
      project_status: `${ctx.projectName} development`,
    },
    agent_context: {
      query: s.query,
      kwargs: s.kwargs,
      parent_session_id: s.parentId,
      depth: s.depth,
    },
    goals: [s.query],
    results: {
      success: s.end ? s.end.success : null,
      actions_performed: lines.length,
      files_analyzed: 0,
      files_created: 0,
      files_modified: 0,
      api_calls_made: queries.length,
      cache_hits: hits(lines),
      notes: '',
    },
    action_summary: {
      reads: { total: ofType('read').length, files: filesOf(ofType('read')) },
      searches: { total: ofType('search').length, patterns: [] },
      modifications: { total: ofType('modify').length, files: filesOf(ofType('modify')) },
      executions: { total: ofType('execute').length, commands: [] },
      queries: { total: queries.length, apis: sortedDistinct(queries.map((l) => String(l.tool))) },
      decisions: {
        total: ofType('decision').length,
        key_decisions: s.decisions.slice(0, 5).map((d) => d.decision_type),
      },
      transformations: {
        total: ofType('analyze').length,
        transformation_types: sortedDistinct(s.transformations.map((t) => t.transformation_type)),
      },
    },
    tool_usage: {
      pubchem: { calls: ofTool('PubChemAPI').length, cache_hits: hits(ofTool('PubChemAPI')), operations: [] },
      pubmed: { calls: ofTool('PubMedAPI').length, cache_hits: hits(ofTool('PubMedAPI')), operations: [] },
      duckdb: { calls: ofTool('DuckDB').length, queries: [] },
      sub_agents: {
        calls: s.children.length,
        agent_types: sortedDistinct(s.children.map((c) => c.agentType)),
      },
    },
    key_findings: [],
    recommendations: [],
    errors: s.end?.errorMessage ? [s.end.errorMessage] : [],
    warnings: [],
    entity_links: entityLinks,
    metadata: {
      created_by: ctx.systemName,
      schema_version: '1.0.0',
      hybrid_storage: true,
      database_path: ctx.databasePath,
      file_session_dir: `${ctx.sessionsDir}/${folder}`,
    },
  };
}

export function manifestToYaml(manifest: Record<string, unknown>): string {
  return toPyYaml(manifest);
}

/** The manifest as JSON (for `provex_session_info.manifest`): `PyFloat` becomes its number. */
export function manifestToJson(manifest: Record<string, unknown>): string {
  return JSON.stringify(manifest, (_k, v: unknown) => (v instanceof PyFloat ? v.value : v));
}

function sortedDistinct(xs: string[]): string[] {
  return [...new Set(xs)].sort(byCodePoint);
}

function filesOf(lines: JsonObject[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const files = l.files_affected;
    if (Array.isArray(files))
      for (const f of files) if (typeof f === 'string' && !out.includes(f)) out.push(f);
  }
  return out;
}
