import type { ImportIssue } from '../../../shared/model/imports.js';
import type { SessionId } from '../../../shared/model/ids.js';
import {
  emptyFragment,
  type SessionRecord,
  type SourceFragment,
} from '../../../shared/model/provenanceRecords.js';
import type { ParsedActions } from './actionsJsonl.js';
import { attributeActions } from './actionRecords.js';
import type { JsonManifest } from './jsonManifest.js';
import type { Manifest } from './manifestYaml.js';
import type { RootContext, SessionFolder } from './rootContext.js';

/** What one file contributes, plus the lines it skipped. */
export interface FileFragment {
  fragment: SourceFragment;
  rejected: ImportIssue[];
  warnings: ImportIssue[];
}

/** The folder whose manifest describes a session (its `database_session_id` / id). */
export function folderOf(ctx: RootContext, id: SessionId): SessionFolder | undefined {
  return ctx.folders.find(
    (f) => f.manifest && 'value' in f.manifest && f.manifest.value.session.session_id === id,
  );
}

/** Ancestors known to the root (for the foreign key of `parent_session_id`), nearest first. */
function ancestors(
  ctx: RootContext,
  s: SessionRecord,
  extra?: ReadonlyMap<string, SessionRecord>,
): SessionRecord[] {
  const out: SessionRecord[] = [];
  let p = s.parent_session_id;
  while (p && out.length < 64) {
    const r = ctx.sessions.get(p) ?? extra?.get(p);
    if (!r || out.includes(r)) break;
    out.push(r);
    p = r.parent_session_id;
  }
  return out;
}

export function jsonFragment(ctx: RootContext, j: JsonManifest): FileFragment {
  const f = emptyFragment(true);
  f.sessions.push(j.session);
  f.contextSessions.push(...ancestors(ctx, j.session));
  pushAll(f.events, j.events);
  pushAll(f.toolCalls, j.toolCalls);
  pushAll(f.decisions, j.decisions);
  pushAll(f.transformations, j.transformations);
  pushAll(f.entityLinks, j.entityLinks);
  const folder = folderOf(ctx, j.session.session_id);
  f.sessionInfo.push({
    session_id: j.session.session_id,
    folder: folder?.name ?? null,
    flavour: 'json-manifest',
    summary_md: null,
    // The folder's manifest.yaml, when there is one, is the session's manifest; else this file.
    manifest: folder ? undefined : j.raw,
  });
  return { fragment: f, rejected: [], warnings: j.warnings };
}

export function manifestFragment(ctx: RootContext, m: Manifest): FileFragment {
  const f = emptyFragment(false);
  f.sessions.push(m.session);
  f.contextSessions.push(...ancestors(ctx, m.session));
  f.sessionInfo.push({
    session_id: m.session.session_id,
    folder: m.folder,
    flavour: m.flavour,
    summary_md: null,
    manifest: m.raw,
  });
  return { fragment: f, rejected: [], warnings: m.warnings };
}

/**
 * Attributes the (loaded) action logs of these folders before any of them is written, so the
 * sessions rebuilt from lines (lost parents) are known to every file after them: a child's
 * fragment then inserts its parent first (its parent_session_id cannot be set later, see
 * store/stagingTables.ts). An orphan's id names its file, so only its own log refers to it.
 */
export function attributeFolders(ctx: RootContext, folders: readonly SessionFolder[]): void {
  for (const folder of folders) {
    if (!folder.actions || !('value' in folder.actions)) continue;
    const folderSession =
      folder.manifest && 'value' in folder.manifest ? folder.manifest.value.session : null;
    const a = attributeActions(folder.actions.path, folder.actions.value.lines, {
      eventSession: ctx.eventSession,
      sessionById: (id) => ctx.sessions.get(id),
      folderSession,
    });
    a.attributor.skipTo(folder.actions.value.through);
    ctx.attributed.set(folder.dir, a);
    for (const o of a.orphans) if (!ctx.sessions.has(o.session_id)) ctx.sessions.set(o.session_id, o);
  }
}

export function actionsFragment(
  ctx: RootContext,
  folder: SessionFolder,
  path: string,
  parsed: ParsedActions,
): FileFragment {
  const f = emptyFragment(false);
  const a = ctx.attributed.get(folder.dir);
  if (!a) throw new Error(`${path}: lines not attributed`);
  const orphans = new Map(a.orphans.map((o) => [o.session_id as string, o]));
  const warnings = [...parsed.warnings];
  for (const id of a.sessionIds) {
    const known = ctx.sessions.get(id);
    if (known) f.contextSessions.push(known, ...ancestors(ctx, known, orphans));
  }
  for (const o of a.orphans) {
    f.sessions.push(o);
    f.contextSessions.push(...ancestors(ctx, o, orphans));
    f.sessionInfo.push({
      session_id: o.session_id,
      folder: folder.name,
      flavour: 'actions-only',
      summary_md: null,
    });
    warnings.push({
      path,
      message: `lines of session ${o.session_id} (${o.agent_type}) have no manifest or JSON manifest; session rebuilt from its lines`,
    });
  }
  // Orphans renamed to a known parent id are also that parent's best record.
  f.contextSessions.sort(
    (x, y) => (x.parent_session_id === null ? 0 : 1) - (y.parent_session_id === null ? 0 : 1),
  );
  pushAll(f.events, a.events);
  pushAll(f.entityLinks, a.entityLinks);
  if (parsed.lines.length === 0 && parsed.rejected.length === 0)
    warnings.push({ path, message: 'no action lines' });
  return { fragment: f, rejected: parsed.rejected, warnings };
}

export function summaryFragment(folder: SessionFolder, text: string): FileFragment | string {
  const m = folder.manifest && 'value' in folder.manifest ? folder.manifest.value : null;
  if (!m) return 'no readable manifest.yaml in this folder to attach the summary to';
  const f = emptyFragment(false);
  f.contextSessions.push(m.session);
  f.sessionInfo.push({
    session_id: m.session.session_id,
    folder: folder.name,
    flavour: m.flavour,
    summary_md: text,
  });
  return { fragment: f, rejected: [], warnings: [] };
}

/** `to.push(...from)` passes every element as an argument: a 1,000,000-line log overflows the stack. */
function pushAll<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
