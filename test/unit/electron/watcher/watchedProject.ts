/**
 * A temp project watched into a real DuckDB workspace, for the workspace-sink tests: a
 * ProvenanceWatcher feeding a WorkspaceSink, with every change recorded and timed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workspace } from '../../../../electron/store/workspace.js';
import { ProvenanceWatcher } from '../../../../electron/watcher/provenanceWatcher.js';
import { WorkspaceSink, type WatchChange } from '../../../../electron/watcher/workspaceSink.js';
import { sharedFixtures } from '../../../helpers/paths.js';
import { SHAPE, type SessionShape } from './trackerLines.js';

export interface WatchedProject {
  root: string;
  prov: string;
  ws: Workspace;
  watcher: ProvenanceWatcher;
  changes: { at: number; change: WatchChange }[];
  errors: string[];
  folder(name: string): string;
  count(sql: string, params?: string[]): Promise<number>;
  close(): void;
}

export const now = (): number => performance.timeOrigin + performance.now();

export async function watchedProject(
  dir: string,
  name: string,
  o: { polling?: boolean; setUp?: (prov: string) => void } = {},
): Promise<WatchedProject> {
  const root = join(dir, name);
  const prov = join(root, '.claude', 'provenance');
  mkdirSync(join(prov, 'sessions'), { recursive: true });
  o.setUp?.(prov);
  const ws = await Workspace.open(join(dir, `${name}.duckdb`));
  const changes: WatchedProject['changes'] = [];
  const errors: string[] = [];
  const sink = new WorkspaceSink(ws, {
    onChange: (change) => changes.push({ at: now(), change }),
    onError: (e, path) => errors.push(`${path}: ${e.message}`),
  });
  const watcher = new ProvenanceWatcher(sink, { pollMs: 50, polling: o.polling ?? false });
  watcher.on('error', (e: Error) => errors.push(e.message));
  await sink.importRoot(prov);
  await watcher.add(root);
  return {
    root,
    prov,
    ws,
    watcher,
    changes,
    errors,
    folder(n) {
      const f = join(prov, 'sessions', n);
      mkdirSync(f, { recursive: true });
      return f;
    },
    async count(sql, params = []) {
      return Number((await ws.all(sql, params))[0]!.n);
    },
    close() {
      watcher.close();
      ws.close();
    },
  };
}

export async function until(
  cond: () => boolean | Promise<boolean>,
  ms = 15_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const FIXTURE_MANIFEST = join(
  sharedFixtures,
  'claude-provenance/project/.claude/provenance/sessions/2026-01-13-16-05/manifest.yaml',
);
const FIXTURE_SESSION = '79443331-9357-4ae6-8378-b0e622fae3c8';

/** The fixture's generated manifest.yaml, for another session id and folder (same agent and query as SHAPE). */
export function writeManifest(folder: string, folderName: string, sessionId: string): void {
  const text = readFileSync(FIXTURE_MANIFEST, 'utf8')
    .replaceAll(FIXTURE_SESSION, sessionId)
    .replaceAll('2026-01-13-16-05', folderName);
  writeFileSync(join(folder, 'manifest.yaml'), text);
}

/** A `<uuid>.json` (spec §7) whose execution trace is exactly the lines of `actionsText`. */
export function writeJsonManifest(
  prov: string,
  sessionId: string,
  actionsText: string,
  shape: SessionShape = SHAPE,
): string {
  const lines = actionsText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const ts = (l: Record<string, unknown>) => String(l.timestamp).replace('Z', '');
  const doc = {
    manifest_version: '1.0',
    session: {
      session_id: sessionId,
      agent_type: shape.agentType,
      query: shape.query,
      kwargs: {},
      start_time: ts(lines[0]!),
      parent_session_id: null,
      depth: 0,
      sequence_counter: lines.length,
      end_time: ts(lines.at(-1)!),
      duration_ms: 1019,
      success: true,
      result_summary: null,
      error_message: null,
      action_count: lines.length - 1,
    },
    execution_trace: lines.map((l) => ({
      event_id: l.database_event_id,
      session_id: sessionId,
      event_type: l.tool === 'AgentExecution' ? 'lifecycle' : 'log',
      event_name: l.tool === 'AgentExecution' ? (l.action_id === 1 ? 'agent_start' : 'agent_end') : l.tool,
      timestamp: ts(l),
      sequence_number: l.action_id,
      details: l.details,
    })),
    tool_calls: [],
    decisions: [],
    transformations: [],
    entity_links: [],
  };
  const file = join(prov, `${sessionId}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}
