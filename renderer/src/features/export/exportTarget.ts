/** What can be exported from a view, its formats, and the contract call that produces each. */
import type { ChainRef } from '../../../../shared/model/chainWorkspace.js';
import type { ExportedFile, ExportFormat } from '../../../../shared/model/exports.js';
import { SUBJECT_FORMATS, type DiffExportFormat } from '../../../../shared/model/exports.js';
import type { SessionId } from '../../../../shared/model/ids.js';
import type { TaskGraphId } from '../../../../shared/model/tasks.js';
import { api } from '../../api/index.js';
import { localDiffExport } from './localDiffExport.js';

export type ExportTarget =
  | { kind: 'session'; session_id: SessionId }
  | { kind: 'tasks'; graph_id: TaskGraphId; task_ids?: string[] }
  | { kind: 'chain'; chain_id: string }
  /** Two chains, or a session's decisions on either side (see localDiffExport). */
  | { kind: 'diff'; a: ChainRef; b: ChainRef }
  | { kind: 'table'; sql: string };

export function formatsOf(t: ExportTarget): readonly ExportFormat[] {
  switch (t.kind) {
    case 'session':
      return SUBJECT_FORMATS.session;
    case 'tasks':
      return SUBJECT_FORMATS.tasks;
    case 'chain':
      return SUBJECT_FORMATS.chain;
    case 'diff':
      return SUBJECT_FORMATS.diff;
    case 'table':
      return SUBJECT_FORMATS.query;
  }
}

export function loadExport(t: ExportTarget, format: ExportFormat): Promise<ExportedFile> {
  const f = format as never;
  switch (t.kind) {
    case 'session':
      return api.call('export/session', { session_id: t.session_id, format: f });
    case 'tasks':
      return api.call('export/tasks', {
        graph_id: t.graph_id,
        format: f,
        ...(t.task_ids ? { task_ids: t.task_ids } : {}),
      });
    case 'chain':
      return api.call('export/chain', { chain_id: t.chain_id, format: f });
    case 'diff':
      return diffExport(t.a, t.b, format as DiffExportFormat);
    case 'table':
      return api.call('export/table', { sql: t.sql, format: f });
  }
}

/** `export/diff` for two workspace chains; the same file made here when a side is a session. */
async function diffExport(a: ChainRef, b: ChainRef, format: DiffExportFormat): Promise<ExportedFile> {
  if (a.kind === 'chain' && b.kind === 'chain') return api.call('export/diff', { a: a.id, b: b.id, format });
  const aligned = await api.call('chains/align', { a, b });
  return localDiffExport(aligned.a, aligned.b, format);
}
