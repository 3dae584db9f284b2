import { parseDocument } from 'yaml';
import type { ImportIssue } from '../../../shared/model/imports.js';
import type { JsonObject, JsonValue } from '../../../shared/model/json.js';
import { asSessionId } from '../../../shared/model/ids.js';
import type { SessionRecord } from '../../../shared/model/provenanceRecords.js';
import { isObject } from './actionsJsonl.js';
import { parseSimpleYaml } from './fastYaml.js';
import { SourceError, type SourceText } from './sourceFile.js';
import { diffMs, naiveTimestamp } from './timestamps.js';

export type Flavour = 'generated' | 'hand-written';

/** A session folder's `manifest.yaml` (spec §4), both flavours. */
export interface Manifest {
  flavour: Flavour;
  folder: string;
  session: SessionRecord;
  /** The whole manifest, every key kept (unknown ones too), dates as written. */
  raw: JsonObject;
  /** `MicroGrowAgents` from `metadata.created_by: MicroGrowAgents Provenance System v1.0`. */
  projectName: string | null;
  warnings: ImportIssue[];
}

/** Agent type recorded for hand-written sessions (the assistant wrote them, not an agent class). */
export const HAND_WRITTEN_AGENT = 'ClaudeCode';

/**
 * Parses with the YAML 1.2 core schema, so `2026-01-10T21:16:00Z`, `1.0.0` and `yes` stay
 * strings. Errors carry the YAML parser's line. Hand-written sessions become sessions too:
 * session_id = `session.id` (else `claude-session-<folder>`), agent_type `ClaudeCode`, query =
 * the goals joined by newlines (else `summaryTitle`), times as written (timestamps.ts).
 */
/** The full YAML parser: anything `parseSimpleYaml` leaves, and every error with its line. */
function parseFullYaml(src: SourceText): unknown {
  const doc = parseDocument(src.text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: false,
    prettyErrors: true,
  });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw new SourceError(src.path, `invalid YAML: ${err.message.split('\n')[0]}`, line);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

export function parseManifest(src: SourceText, folder: string, summaryTitle: string | null = null): Manifest {
  const js: unknown = parseSimpleYaml(src.text) ?? parseFullYaml(src);
  if (!isObject(js)) throw new SourceError(src.path, 'expected a YAML mapping at the top level');
  const raw = js as JsonObject;
  const s = obj(raw.session);
  const results = obj(raw.results);
  const agent = obj(raw.agent_context);
  const warnings: ImportIssue[] = [];
  const id = str(s.id);
  const dbId = str(s.database_session_id);
  let flavour: Flavour;
  if (dbId || id?.startsWith('agent-session-')) flavour = 'generated';
  else {
    flavour = 'hand-written';
    if (!id?.startsWith('claude-session-'))
      warnings.push({
        path: src.path,
        message: `session.id ${JSON.stringify(id)}: unknown flavour, read as hand-written`,
      });
  }
  if (s.date_started !== undefined && typeof s.date_started !== 'string')
    throw new SourceError(
      src.path,
      `session.date_started: expected a string, got ${JSON.stringify(s.date_started)}`,
    );
  const start = naiveTimestamp(s.date_started) ?? folderTime(folder);
  if (!start)
    throw new SourceError(src.path, 'session.date_started: missing, and the folder name is not a date');
  const end = naiveTimestamp(s.date_ended);
  const minutes = typeof s.duration_minutes === 'number' ? s.duration_minutes : null;
  const errors = Array.isArray(raw.errors) ? raw.errors : isObject(raw.errors) ? [raw.errors] : [];
  const errorText = errors
    .map((e) => (typeof e === 'string' ? e : isObject(e) && typeof e.message === 'string' ? e.message : null))
    .filter((e): e is string => e !== null);
  const goals = Array.isArray(raw.goals) ? raw.goals.filter((g): g is string => typeof g === 'string') : [];
  const uc = obj(raw.user_context);
  if (flavour === 'generated' && !dbId)
    warnings.push({
      path: src.path,
      message: 'generated manifest without database_session_id; keyed by session.id',
    });
  const parent = str(agent.parent_session_id);

  const session: SessionRecord = {
    session_id: asSessionId(flavour === 'generated' ? (dbId ?? id!) : (id ?? `claude-session-${folder}`)),
    agent_type: flavour === 'generated' ? (str(s.agent_type) ?? 'unknown') : HAND_WRITTEN_AGENT,
    agent_version: null,
    query:
      str(agent.query) ??
      (flavour === 'generated'
        ? (goals[0] ?? '')
        : goals.length > 0
          ? goals.join('\n')
          : (summaryTitle ?? '')),
    kwargs: isObject(agent.kwargs) ? agent.kwargs : undefined,
    user_context: isObject(raw.user_context) ? raw.user_context : undefined,
    start_time: start,
    end_time: end,
    duration_ms: diffMs(start, end) ?? (minutes === null ? null : Math.round(minutes * 60000)),
    success: typeof results.success === 'boolean' ? results.success : null,
    result_summary: undefined,
    error_message: errorText.length > 0 ? errorText.join('\n') : null,
    python_version: str(uc.python_version),
    dependencies: undefined,
    db_path: null,
    parent_session_id: parent ? asSessionId(parent) : null,
    depth: typeof agent.depth === 'number' ? agent.depth : null,
    created_at: null,
  };
  return {
    flavour,
    folder,
    session,
    raw,
    projectName: projectFromCreatedBy(obj(raw.metadata).created_by),
    warnings,
  };
}

/** `# Claude Code Session: <title>` (hand-written summaries) -> `<title>`. */
export function summaryTitle(markdown: string): string | null {
  const m = /^#\s+(?:Claude Code Session:\s*)?(.+)$/m.exec(markdown);
  return m ? m[1]!.trim() : null;
}

function projectFromCreatedBy(v: JsonValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(.+?) Provenance System\b/.exec(v);
  return m && m[1] !== 'Claude Code' ? m[1]! : null;
}

/** `2026-01-13-16-05` or `2026-01-13-16-05-2` -> `2026-01-13 16:05:00`. */
export function folderTime(folder: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})-(\d{2})-(\d{2})(?:-\d+)?$/.exec(folder);
  return m ? `${m[1]} ${m[2]}:${m[3]}:00` : null;
}

function obj(v: JsonValue | undefined): Record<string, JsonValue> {
  return isObject(v) ? v : {};
}

function str(v: JsonValue | undefined): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
