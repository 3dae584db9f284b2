/**
 * Imports CrucibleTrace chains: chain JSON files, folders of them (a storage directory, §3.1: the
 * `*.json` entries, not recursive) and LLM output in `<event>` markup (§4; only files named
 * explicitly, never from a folder walk). One source per file, one transaction per file: an
 * unchanged file is skipped, a changed one replaces exactly the chains it wrote.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Chain } from '../../../shared/model/chains.js';
import {
  zeroCounts,
  type ImportIssue,
  type ImportProgress,
  type ImportReport,
  type SourceKind,
  type SourceOutcome,
} from '../../../shared/model/imports.js';
import { parseToChain, validateEvents } from '../../../shared/chains/markup/parser.js';
import { deleteSourceChains, insertChains } from '../../store/chainRepository.js';
import { previousImport } from '../../store/sessionWriter.js';
import { upsertSource } from '../../store/sources.js';
import type { Workspace } from '../../store/workspace.js';
import { ChainFileError, chainFromText, readUtf8 } from './readChainFile.js';

export interface ChainImportOptions {
  /** Chain name for markup input (default: the file name). */
  name?: string;
  onProgress?: (p: ImportProgress) => void;
}

interface Parsed {
  chains: Chain[];
  warnings: ImportIssue[];
}

const sha256 = (bytes: Uint8Array, extra = ''): string =>
  createHash('sha256').update(bytes).update(extra).digest('hex');

/** One file as one source: hash check, parse, then delete-and-insert in one transaction. */
async function importSource(
  ws: Workspace,
  path: string,
  kind: SourceKind,
  parse: (bytes: Uint8Array) => Parsed,
  hashExtra = '',
): Promise<SourceOutcome> {
  const outcome: SourceOutcome = {
    path,
    kind,
    status: 'imported',
    counts: zeroCounts(),
    rejected: [],
    warnings: [],
  };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ...outcome, status: 'rejected', reason: `${path}: cannot read the file (${code})` };
  }
  const hash = sha256(bytes, hashExtra);
  const prev = await previousImport(ws, kind, path);
  if (prev && prev.hash === hash) return { ...outcome, status: 'unchanged' };
  let parsed: Parsed;
  try {
    parsed = parse(bytes);
  } catch (e) {
    const err = e as Error;
    const line = e instanceof ChainFileError ? e.line : undefined;
    if (line !== undefined) outcome.rejected.push({ path, line, message: err.message });
    return { ...outcome, status: 'rejected', reason: err.message };
  }
  await ws.transaction(async (tx) => {
    const sourceId = await upsertSource(tx, { kind, path, projectId: null, hash, size: bytes.length });
    await deleteSourceChains(tx, sourceId);
    await insertChains(tx, parsed.chains, sourceId);
  });
  outcome.status = prev ? 'replaced' : 'imported';
  outcome.counts = {
    ...zeroCounts(),
    chains: parsed.chains.length,
    chain_events: parsed.chains.reduce((n, c) => n + c.events.length, 0),
  };
  outcome.warnings = parsed.warnings;
  return outcome;
}

/** A chain JSON file (any version: 0.1/0.2 files lack the relationship keys). */
export function importChainFile(ws: Workspace, file: string): Promise<SourceOutcome> {
  const path = resolve(file);
  return importSource(ws, path, 'chain-json', (bytes) => {
    const chain = chainFromText(path, readUtf8(path, bytes));
    return { chains: [chain], warnings: [] };
  });
}

/** LLM output in `<event>` markup as a new chain named `name` (default: the file name). */
export function importMarkupFile(ws: Workspace, file: string, name?: string): Promise<SourceOutcome> {
  const path = resolve(file);
  const chainName = name ?? basename(path);
  // The name is part of what was imported: the same text under a new --name is a change.
  return importSource(
    ws,
    path,
    'markup',
    (bytes) => {
      const text = readUtf8(path, bytes);
      const chain = parseToChain(text, chainName);
      if (!chain.events.length) {
        throw new ChainFileError(path, 'no <event type="..."> blocks (is this CrucibleTrace markup?)');
      }
      const check = validateEvents(text);
      const warnings = 'error' in check ? check.error.map((message) => ({ path, message })) : [];
      return { chains: [chain], warnings };
    },
    `\0name:${chainName}`,
  );
}

/** The chain files of a storage folder: `*.json` regular files directly inside it, by name. */
export function chainFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .sort()
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false; // a dangling symlink is not a chain file
      }
    });
}

function report(sources: SourceOutcome[], errors: ImportIssue[] = []): ImportReport {
  const totals = zeroCounts();
  for (const s of sources) {
    totals.chains += s.counts.chains;
    totals.chain_events += s.counts.chain_events;
  }
  return { sources, totals, errors };
}

/** Chain files and folders of chain files. */
export async function importChainPaths(
  ws: Workspace,
  paths: readonly string[],
  o: ChainImportOptions = {},
): Promise<ImportReport> {
  const errors: ImportIssue[] = [];
  const files: string[] = [];
  for (const raw of paths) {
    const path = resolve(raw);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      errors.push({ path, message: `${path}: no such file or folder` });
      continue;
    }
    if (!isDir) files.push(path);
    else {
      const inside = chainFilesIn(path);
      if (!inside.length) errors.push({ path, message: `${path}: no *.json chain files in this folder` });
      files.push(...inside);
    }
  }
  const sources: SourceOutcome[] = [];
  let events = 0;
  for (const [i, file] of files.entries()) {
    o.onProgress?.({
      filesDone: i,
      filesTotal: files.length,
      sessionsDone: 0,
      eventsDone: events,
      currentPath: file,
    });
    const outcome = await importChainFile(ws, file);
    events += outcome.counts.chain_events;
    sources.push(outcome);
  }
  o.onProgress?.({
    filesDone: files.length,
    filesTotal: files.length,
    sessionsDone: 0,
    eventsDone: events,
    currentPath: '',
  });
  return report(sources, errors);
}

/** Markup files named explicitly (`--kind markup`). */
export async function importMarkupPaths(
  ws: Workspace,
  paths: readonly string[],
  o: ChainImportOptions = {},
): Promise<ImportReport> {
  const sources: SourceOutcome[] = [];
  const errors: ImportIssue[] = [];
  for (const raw of paths) {
    const path = resolve(raw);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      errors.push({ path, message: `${path}: no such file` });
      continue;
    }
    if (!isFile) {
      errors.push({ path, message: `${path}: markup is read from files named one by one, not from folders` });
      continue;
    }
    sources.push(await importMarkupFile(ws, path, o.name));
  }
  return report(sources, errors);
}
