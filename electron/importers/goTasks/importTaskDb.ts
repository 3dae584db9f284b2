import { basename, resolve } from 'node:path';
import { zeroCounts, type SourceOutcome } from '../../../shared/model/imports.js';
import { previousImport } from '../../store/sessionWriter.js';
import { upsertSource } from '../../store/sources.js';
import { appendGraphRows } from '../../store/taskGraphRows.js';
import type { Workspace } from '../../store/workspace.js';
import { hashFiles } from '../fileHash.js';
import { readGoTasksFile, readGoTasksSqlScript } from './index.js';

const TASK_TABLES = ['tasks', 'task_edges', 'task_agents', 'task_activities', 'task_labels', 'task_comments'];

/**
 * Imports one Go task-tracker SQLite file as a workspace task graph. Unchanged content (file and
 * WAL hash) is skipped; a changed file replaces the graph that came from it, in one transaction.
 */
export async function importTaskDb(ws: Workspace, file: string): Promise<SourceOutcome> {
  const path = resolve(file);
  const outcome: SourceOutcome = {
    path,
    kind: 'task-db',
    status: 'imported',
    counts: zeroCounts(),
    rejected: [],
    warnings: [],
  };
  const { hash, size } = hashFiles([path, `${path}-wal`]);
  const prev = await previousImport(ws, 'task-db', path);
  if (prev && prev.hash === hash) return { ...outcome, status: 'unchanged' };
  let graph;
  try {
    graph = path.toLowerCase().endsWith('.sql')
      ? await readGoTasksSqlScript(path)
      : await readGoTasksFile(path);
  } catch (e) {
    return { ...outcome, status: 'rejected', reason: (e as Error).message };
  }
  graph = { ...graph, name: graph.name || basename(path) };
  await ws.transaction(async (tx) => {
    const sourceId = await upsertSource(tx, { kind: 'task-db', path, projectId: null, hash, size });
    const old = await tx.all(`SELECT graph_id FROM task_graphs WHERE source_id = ?`, [sourceId]);
    for (const g of old) {
      for (const t of TASK_TABLES) await tx.exec(`DELETE FROM ${t} WHERE graph_id = ?`, [Number(g.graph_id)]);
      await tx.exec(`DELETE FROM task_graphs WHERE graph_id = ?`, [Number(g.graph_id)]);
    }
    const [row] = await tx.all(
      `INSERT INTO task_graphs (name, source_id, generation, read_only, created_at)
       VALUES (?, ?, ?, ?, CAST(now() AS TIMESTAMP)) RETURNING graph_id`,
      [graph.name, sourceId, graph.generation, graph.read_only],
    );
    await appendGraphRows(tx.connection, Number(row!.graph_id), graph);
  });
  outcome.status = prev ? 'replaced' : 'imported';
  outcome.counts = { ...zeroCounts(), tasks: graph.tasks.length, task_edges: graph.edges.length };
  outcome.warnings = graph.warnings.map((message) => ({ path, message }));
  return outcome;
}
