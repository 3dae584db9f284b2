import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportIssue } from '../../../shared/model/imports.js';
import type { SessionId } from '../../../shared/model/ids.js';
import type { SessionRecord } from '../../../shared/model/provenanceRecords.js';
import { parseActions, type ParsedActions } from './actionsJsonl.js';
import type { ProvenanceRoot } from './discover.js';
import type { ActionAttributor, AttributedActions } from './actionRecords.js';
import { parseJsonManifest, type JsonManifest } from './jsonManifest.js';
import { parseManifest, summaryTitle, type Manifest } from './manifestYaml.js';
import { readSourceText, SourceError, type SourceText } from './sourceFile.js';

/** A file read and parsed, or the reason it cannot be. */
export type Parsed<T> = { path: string; src: SourceText; value: T } | { path: string; error: SourceError };

export interface SessionFolder {
  dir: string;
  name: string;
  manifest: Parsed<Manifest> | null;
  /** The folder's action log, if it has one; its content is read by `loadActionsOf`. */
  actionsPath: string | null;
  /** Read by `loadActionsOf`, dropped again once written (`releaseActions`). */
  actions: Parsed<ParsedActions> | null;
  summary: Parsed<string> | null;
}

/**
 * What one provenance root knows before its action logs are written: attributing an action line
 * needs the JSON manifests, a child session needs its parent, a summary needs its folder's
 * session id. Manifests and summaries are read up front (they are small); action logs, which hold
 * nearly all the bytes, are read a group of folders at a time (`loadActionsOf`). Parse failures
 * stay attached to their file.
 */
export interface RootContext {
  root: ProvenanceRoot;
  jsons: Parsed<JsonManifest>[];
  folders: SessionFolder[];
  /** event id -> session id, from the JSON manifests' execution traces. */
  eventSession: Map<string, SessionId>;
  /** Best record known per session: JSON manifest, else manifest.yaml. */
  sessions: Map<SessionId, SessionRecord>;
  projectName: string;
  /**
   * Line attribution per session folder (by folder path), filled by `attributeAll`, with the
   * attribution state after the last line (the file tracker continues from it).
   */
  attributed: Map<string, AttributedActions & { attributor: ActionAttributor }>;
  /** Where action logs are read from (see ActionsSource). */
  actionsSource: ActionsSource | undefined;
}

/**
 * Where an action log's content comes from: undefined = read the file; a SourceText = this
 * content instead (the file tracker hands over exactly the bytes its tail has read); null =
 * leave the log out of this import.
 */
export type ActionsSource = (path: string) => SourceText | null | undefined;

export function loadRoot(
  root: ProvenanceRoot,
  projectOverride?: string,
  actionsSource?: ActionsSource,
): RootContext {
  const jsons = root.jsonManifests.map((p) => parseFile(p, parseJsonManifest));
  const folders = root.sessionDirs.map((d) => loadFolder(d));
  const eventSession = new Map<string, SessionId>();
  const sessions = new Map<SessionId, SessionRecord>();
  for (const f of folders) {
    if (f.manifest && 'value' in f.manifest)
      sessions.set(f.manifest.value.session.session_id, f.manifest.value.session);
  }
  for (const j of jsons) {
    if (!('value' in j)) continue;
    sessions.set(j.value.session.session_id, j.value.session);
    for (const e of j.value.events) eventSession.set(e.event_id, e.session_id);
  }
  const fromManifest = folders
    .map((f) => (f.manifest && 'value' in f.manifest ? f.manifest.value.projectName : null))
    .find((n) => n !== null);
  return {
    root,
    jsons,
    folders,
    eventSession,
    sessions,
    projectName: projectOverride ?? fromManifest ?? basename(root.projectRoot),
    attributed: new Map(),
    actionsSource,
  };
}

/** Reads and parses the action logs of these folders (those not read yet). */
export function loadActionsOf(ctx: RootContext, folders: readonly SessionFolder[]): void {
  for (const f of folders) {
    if (f.actionsPath && !f.actions) f.actions = loadActions(f.actionsPath, ctx.actionsSource);
  }
}

/**
 * `loadActionsOf` a few files per turn of the event loop: run while the previous group is written,
 * the parsing fills the time the main thread would wait for DuckDB.
 */
export async function prefetchActionsOf(ctx: RootContext, folders: readonly SessionFolder[]): Promise<void> {
  for (let i = 0; i < folders.length; i += PREFETCH_FILES) {
    loadActionsOf(ctx, folders.slice(i, i + PREFETCH_FILES));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const PREFETCH_FILES = 4;

/** Lets the parsed lines and rows of these folders' logs go (they are written). */
export function releaseActions(ctx: RootContext, folders: readonly SessionFolder[]): void {
  for (const f of folders) {
    f.actions = null;
    ctx.attributed.delete(f.dir);
  }
}

function loadFolder(dir: string): SessionFolder {
  const name = basename(dir);
  const at = (f: string): string | null => (existsSync(join(dir, f)) ? join(dir, f) : null);
  const summaryPath = at('summary.md');
  const summary = summaryPath ? parseFile(summaryPath, (s) => s.text) : null;
  const title = summary && 'value' in summary ? summaryTitle(summary.value) : null;
  const manifestPath = at('manifest.yaml');
  return {
    dir,
    name,
    manifest: manifestPath ? parseFile(manifestPath, (s) => parseManifest(s, name, title)) : null,
    actionsPath: at('actions.jsonl'),
    actions: null,
    summary,
  };
}

function loadActions(path: string, source?: ActionsSource): Parsed<ParsedActions> | null {
  const given = source?.(path);
  if (given === null) return null;
  if (given === undefined) return parseFile(path, parseActions);
  return { path, src: { ...given, text: '' }, value: parseActions(given) };
}

function parseFile<T>(path: string, parse: (src: SourceText) => T): Parsed<T> {
  try {
    const src = readSourceText(path);
    if (src.text.trim() === '' && !path.endsWith('.jsonl') && !path.endsWith('.md'))
      throw new SourceError(path, 'empty file');
    const value = parse(src);
    // The parsed value is what the import uses: let the text go (a log can be hundreds of MB).
    return { path, src: { ...src, text: '' }, value };
  } catch (e) {
    return {
      path,
      error: e instanceof SourceError ? e : new SourceError(path, String((e as Error).message ?? e)),
    };
  }
}

export function issueOf(e: SourceError): ImportIssue {
  return e.line === undefined
    ? { path: e.path, message: e.message }
    : { path: e.path, line: e.line, message: e.message };
}
