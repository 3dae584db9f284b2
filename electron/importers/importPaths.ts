import { resolve } from 'node:path';
import {
  addCounts,
  zeroCounts,
  type ImportKind,
  type ImportProgress,
  type ImportReport,
} from '../../shared/model/imports.js';
import type { Workspace } from '../store/workspace.js';
import { importClaudePaths } from './claude/importClaude.js';
import { detectKind } from './detectKind.js';
import { importDuckDbFile } from './duckdb/importDuckDb.js';
import { importTaskDb } from './goTasks/importTaskDb.js';
import { importChainPaths, importMarkupPaths } from './chains/importChains.js';

export interface ImportPathsOptions {
  /** Force one kind for every path (else detected per path). */
  kind?: ImportKind;
  project?: string;
  /** Chain name for markup input (default: the file name). */
  name?: string;
  onProgress?: (p: ImportProgress) => void;
}

/** An importer for one kind: every path given for it at once, folded into one report. */
type Importer = (ws: Workspace, paths: string[], o: ImportPathsOptions) => Promise<ImportReport>;

const one =
  (f: (ws: Workspace, path: string, o: ImportPathsOptions) => Promise<ImportReport>): Importer =>
  async (ws, paths, o) => {
    const report = emptyReport();
    for (const p of paths) merge(report, await f(ws, p, o));
    return report;
  };

const IMPORTERS: Partial<Record<ImportKind, Importer>> = {
  claude: (ws, paths, o) =>
    importClaudePaths(ws, paths, {
      ...(o.project !== undefined ? { project: o.project } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    }),
  duckdb: one((ws, p, o) => importDuckDbFile(ws, p, o.project !== undefined ? { project: o.project } : {})),
  tasks: one(async (ws, p) => {
    const outcome = await importTaskDb(ws, p);
    return { sources: [outcome], totals: outcome.counts, errors: [] };
  }),
  chains: (ws, paths, o) => importChainPaths(ws, paths, o.onProgress ? { onProgress: o.onProgress } : {}),
  markup: (ws, paths, o) => importMarkupPaths(ws, paths, o.name !== undefined ? { name: o.name } : {}),
};

export function emptyReport(): ImportReport {
  return { sources: [], totals: zeroCounts(), errors: [] };
}

export function merge(into: ImportReport, r: ImportReport): void {
  into.sources.push(...r.sources);
  into.errors.push(...r.errors);
  into.totals = addCounts(into.totals, r.totals);
}

/**
 * The one entry point: detects each path's kind (or takes `kind`), groups the paths per importer,
 * runs them, and folds their reports. A path that cannot be imported is reported, and the others
 * still import.
 */
export async function importPaths(
  ws: Workspace,
  paths: readonly string[],
  o: ImportPathsOptions = {},
): Promise<ImportReport> {
  const report = emptyReport();
  const groups = new Map<ImportKind, string[]>();
  for (const raw of paths) {
    const path = resolve(raw);
    const detected = o.kind ? { kind: o.kind } : detectKind(path);
    if ('error' in detected) {
      report.errors.push({ path, message: detected.error });
      continue;
    }
    groups.set(detected.kind, [...(groups.get(detected.kind) ?? []), path]);
  }
  for (const [kind, group] of groups) {
    const importer = IMPORTERS[kind];
    if (!importer) {
      for (const path of group) report.errors.push({ path, message: `no importer for kind '${kind}'` });
      continue;
    }
    merge(report, await importer(ws, group, o));
  }
  return report;
}
