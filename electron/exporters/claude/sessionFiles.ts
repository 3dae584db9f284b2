/**
 * The `.claude/provenance` files of stored sessions (formats/claude-provenance.md §2-§7), built
 * with the tracker's own writers (PyYAML-style YAML, Python-style JSON, the summary template), so
 * an export reads like a tracker's output and the reference's `jq` one-liners work on it.
 * Pure: takes the sessions as loaded (see loadSessions.ts), returns path -> text, paths relative
 * to `.claude/provenance/`.
 *
 * Round trip: our importer reads the files back to the same `provenance_*` rows. Generated
 * sessions get `<uuid>.json` (the strong source: every event, call, decision, transformation and
 * link), `actions.jsonl` and `manifest.yaml` (the stored manifest when there is one, so its
 * `user_context` and free keys survive) and `summary.md` (stored text, else the template).
 * Hand-written sessions get their stored manifest and summary back, nothing else (§4.4).
 */
import type { JsonObject, JsonValue } from '../../../shared/model/json.js';
import type { SessionTrace } from '../../../shared/model/sessions.js';
import { serializeActionLine, toActionLine } from '../../tracker/actionLine.js';
import { pyJsonIndent2 } from '../../tracker/pyJson.js';
import { toPyYaml } from '../../tracker/pyYaml.js';
import type { EntityLinkRecord, TrackedEvent } from '../../tracker/records.js';
import { renderSummary } from '../../tracker/summaryMd.js';
import { MICROGROW_TOOL_MAP, type ToolMap } from '../../tracker/toolMap.js';

export interface ExportedSession {
  trace: SessionTrace;
  /** `provex_session_info.flavour`, null when the session has no bookkeeping row. */
  flavour: string | null;
}

export interface ClaudeFilesOptions {
  toolMap?: ToolMap;
  /** Footer of generated summaries; default `MicroGrowAgents Provenance System v1.0`. */
  systemName?: string;
}

/** `2026-01-13T16:05:12.401463Z` -> `2026-01-13T16:05:12.401463` (Python `isoformat()`, no zone). */
export function naiveIso(iso: string): string {
  return iso.replace(/Z$/, '');
}

const SESSIONS_DIR = '.claude/provenance/sessions';

/** `YYYY-MM-DD-HH-MM` of the UTC start (§2). */
export function minuteFolder(startIso: string): string {
  return `${startIso.slice(0, 10)}-${startIso.slice(11, 13)}-${startIso.slice(14, 16)}`;
}

/**
 * A folder per session: the stored folder name when it is free, else the start minute, with
 * `-2`, `-3`, … so no two sessions share a folder (§12.9).
 */
export function assignFolders(sessions: readonly ExportedSession[]): string[] {
  const taken = new Set<string>();
  return sessions.map((s) => {
    const want = s.trace.session.folder ?? minuteFolder(s.trace.session.start_time);
    let name = want;
    for (let n = 2; taken.has(name); n++) name = `${want}-${n}`;
    taken.add(name);
    return name;
  });
}

export function buildClaudeFiles(
  sessions: readonly ExportedSession[],
  opts: ClaudeFilesOptions = {},
): Map<string, string> {
  const files = new Map<string, string>();
  files.set('sessions/.gitkeep', '');
  files.set('indices/.gitkeep', '');
  const folders = assignFolders(sessions);
  sessions.forEach((s, i) => {
    const folder = folders[i]!;
    const dir = `sessions/${folder}`;
    const { session } = s.trace;
    if (s.flavour === 'hand-written') {
      files.set(`${dir}/manifest.yaml`, toPyYaml(isObject(session.manifest) ? session.manifest : {}));
      if (session.summary_md !== null) files.set(`${dir}/summary.md`, session.summary_md);
      return;
    }
    const lines = actionLines(s.trace, opts.toolMap ?? MICROGROW_TOOL_MAP);
    files.set(`${session.session_id}.json`, pyJsonIndent2(jsonManifest(s.trace)));
    files.set(`${dir}/actions.jsonl`, lines.map(serializeActionLine).join(''));
    files.set(`${dir}/manifest.yaml`, toPyYaml(yamlManifest(s.trace, folder, lines, opts)));
    files.set(
      `${dir}/summary.md`,
      session.summary_md ??
        renderSummary(
          {
            folder,
            sessionId: session.session_id,
            agentType: session.agent_type,
            query: session.query,
            durationMs: session.duration_ms,
            success: session.success === true,
            sessionsDir: SESSIONS_DIR,
            systemName: opts.systemName ?? 'MicroGrowAgents Provenance System v1.0',
          },
          lines,
        ),
    );
  });
  return files;
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

const obj = (v: JsonValue): JsonObject => (isObject(v) ? v : {});

/** One action line per event (§5), with the rolling window of the links made so far. */
export function actionLines(trace: SessionTrace, toolMap: ToolMap): JsonObject[] {
  const failedCalls = new Map(trace.tool_calls.filter((c) => !c.success).map((c) => [c.call_id, c]));
  const links = [...trace.entity_links].sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.link_id - b.link_id,
  );
  const events = [...trace.events].sort((a, b) => a.sequence_number - b.sequence_number);
  return events.map((e) => {
    const details = obj(e.details);
    const call = typeof details.call_id === 'string' ? failedCalls.get(details.call_id) : undefined;
    const endFailed = e.event_type === 'lifecycle' && details.success === false;
    const detailDuration = typeof details.duration_ms === 'number' ? details.duration_ms : null;
    const tracked: TrackedEvent = {
      event_id: e.event_id,
      session_id: e.session_id,
      event_type: e.event_type,
      event_name: e.event_name,
      timestamp: naiveIso(e.timestamp),
      sequence_number: e.sequence_number,
      details,
      duration_ms: e.duration_ms ?? detailDuration,
      related_event_id: e.related_event_id,
      status: call || endFailed ? 'failure' : 'success',
      error_message: call?.error_message ?? (endFailed ? trace.session.error_message : null),
      files_affected: [],
    };
    const made: EntityLinkRecord[] = links
      .filter((l) => l.timestamp <= e.timestamp)
      .map((l) => ({
        entity_table: l.entity_table,
        entity_id: l.entity_id,
        link_type: l.link_type,
        timestamp: naiveIso(l.timestamp),
        event_id: l.event_id,
      }));
    return toActionLine(tracked, made, toolMap);
  });
}

/** `<uuid>.json` (§7), keys in the reference order; columns the reference lacks only when set. */
export function jsonManifest(trace: SessionTrace): JsonObject {
  const s = trace.session;
  const environment: JsonObject = {};
  if (s.python_version !== null) environment.python_version = s.python_version;
  if (s.dependencies !== null) environment.dependencies = s.dependencies;
  return {
    manifest_version: '1.0',
    session: {
      session_id: s.session_id,
      agent_type: s.agent_type,
      query: s.query,
      kwargs: s.kwargs ?? {},
      start_time: naiveIso(s.start_time),
      parent_session_id: s.parent_session_id,
      depth: s.depth,
      sequence_counter: trace.events.length,
      environment,
      end_time: s.end_time === null ? null : naiveIso(s.end_time),
      duration_ms: s.duration_ms,
      success: s.success,
      result_summary: s.result_summary,
      error_message: s.error_message,
      action_count: trace.events.length,
    },
    environment,
    execution_trace: [...trace.events]
      .sort((a, b) => a.sequence_number - b.sequence_number)
      .map((e) => ({
        event_id: e.event_id,
        session_id: e.session_id,
        event_type: e.event_type,
        event_name: e.event_name,
        timestamp: naiveIso(e.timestamp),
        sequence_number: e.sequence_number,
        details: e.details,
      })),
    tool_calls: trace.tool_calls.map((c) => ({
      call_id: c.call_id,
      session_id: c.session_id,
      tool_type: c.tool_type,
      tool_name: c.tool_name,
      call_time: naiveIso(c.call_time),
      input_params: c.input_params,
      output_data: c.output_data,
      duration_ms: c.duration_ms,
      cache_hit: c.cache_hit,
      success: c.success,
      error_message: c.error_message,
    })),
    decisions: trace.decisions.map((d) => {
      const out: JsonObject = {
        decision_id: d.decision_id,
        session_id: d.session_id,
        decision_type: d.decision_type,
        decision_point: d.decision_point,
        input_values: d.input_values,
        branch_taken: d.branch_taken,
        branches_available: d.branches_available,
        reason: d.reason,
        timestamp: naiveIso(d.timestamp),
      };
      if (d.condition_evaluated !== null) out.condition_evaluated = d.condition_evaluated;
      return out;
    }),
    transformations: trace.transformations.map((t) => {
      const out: JsonObject = {
        transformation_id: t.transformation_id,
        session_id: t.session_id,
        transformation_type: t.transformation_type,
        transformation_name: t.transformation_name,
        input_schema: t.input_schema,
        input_sample: t.input_sample,
        output_schema: t.output_schema,
        output_sample: t.output_sample,
        method: t.method,
        parameters: t.parameters,
        timestamp: naiveIso(t.timestamp),
        duration_ms: t.duration_ms,
      };
      if (t.input_size !== null) out.input_size = t.input_size;
      if (t.output_size !== null) out.output_size = t.output_size;
      return out;
    }),
    entity_links: [...trace.entity_links]
      .sort((a, b) => a.link_id - b.link_id)
      .map((l) => ({
        entity_table: l.entity_table,
        entity_id: l.entity_id,
        link_type: l.link_type,
        timestamp: naiveIso(l.timestamp),
      })),
  };
}

/**
 * `manifest.yaml`: the stored one (every key kept) when the session has one, else a §4.1 manifest
 * built from the rows, with the §12.10 fields filled where the rows know them.
 */
export function yamlManifest(
  trace: SessionTrace,
  folder: string,
  lines: readonly JsonObject[],
  opts: ClaudeFilesOptions,
): JsonObject {
  const s = trace.session;
  if (isObject(s.manifest) && isObject(s.manifest.session)) return s.manifest;
  const ofType = (t: string): number => lines.filter((l) => l.type === t).length;
  const hit = (l: JsonObject): boolean => obj(l.details ?? null).cache_hit === true;
  const links: JsonObject = {
    genome_annotations: [],
    pathway_models: [],
    media_formulations: [],
    ingredients: [],
  };
  for (const l of trace.entity_links) {
    const list = (links[l.entity_table] ??= []) as JsonValue[];
    if (!list.includes(l.entity_id)) list.push(l.entity_id);
  }
  const queries = lines.filter((l) => l.type === 'query');
  return {
    session: {
      id: `agent-session-${folder}`,
      database_session_id: s.session_id,
      date_started: `${naiveIso(s.start_time)}Z`,
      date_ended: s.end_time === null ? null : `${naiveIso(s.end_time)}Z`,
      duration_minutes: s.duration_ms ? Math.round((s.duration_ms / 60000) * 100) / 100 : null,
      model: 'claude-sonnet-4-5',
      user: 'provex',
      session_type: 'agent_execution',
      agent_type: s.agent_type,
    },
    user_context: isObject(s.user_context)
      ? s.user_context
      : {
          working_directory: s.project_root ?? '',
          git_branch: null,
          git_commit_before: null,
          git_commit_after: null,
          python_version: s.python_version,
          project_status: `${s.project ?? 'provex'} development`,
        },
    agent_context: {
      query: s.query,
      kwargs: s.kwargs ?? {},
      parent_session_id: s.parent_session_id,
      depth: s.depth,
    },
    goals: [s.query],
    results: {
      success: s.success,
      actions_performed: lines.length,
      files_analyzed: 0,
      files_created: 0,
      files_modified: 0,
      api_calls_made: queries.length,
      cache_hits: lines.filter(hit).length,
      notes: '',
    },
    action_summary: {
      reads: { total: ofType('read'), files: [] },
      searches: { total: ofType('search'), patterns: [] },
      modifications: { total: ofType('modify'), files: [] },
      executions: { total: ofType('execute'), commands: [] },
      queries: { total: queries.length, apis: [...new Set(queries.map((l) => String(l.tool)))].sort() },
      decisions: {
        total: ofType('decision'),
        key_decisions: trace.decisions.slice(0, 5).map((d) => d.decision_type),
      },
      transformations: {
        total: ofType('analyze'),
        transformation_types: [...new Set(trace.transformations.map((t) => t.transformation_type))].sort(),
      },
    },
    key_findings: [],
    recommendations: [],
    errors: s.error_message ? [s.error_message] : [],
    warnings: [],
    entity_links: links,
    metadata: {
      created_by: opts.systemName ?? 'MicroGrowAgents Provenance System v1.0',
      schema_version: '1.0.0',
      hybrid_storage: true,
      database_path: s.db_path,
      file_session_dir: `${SESSIONS_DIR}/${folder}`,
    },
  };
}
