import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userDataDir } from '../store/paths.js';
import { TaskRepository } from '../store/taskRepository.js';
import { Workspace } from '../store/workspace.js';
import { writeSampleChains } from './sampleChains.js';
import { writeSampleSessions } from './sampleSessions.js';
import { sampleTaskGraph } from './sampleTasks.js';

/** Where "Open the sample workspace" keeps it: beside the default workspace, never inside it. */
export function sampleWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userDataDir(env), 'sample', 'workspace.duckdb');
}

/**
 * Fills a workspace with demo data: two projects of agent sessions written by our tracker (files
 * under `<folder>/projects`), a task graph whose tasks the sessions link to, and chains including a
 * second run to diff and a training chain.
 */
export async function fillSampleWorkspace(ws: Workspace, projectsDir: string): Promise<void> {
  const { ids, graph } = sampleTaskGraph(Date.UTC(2026, 0, 5));
  await new TaskRepository(ws).saveGraph(graph);
  await writeSampleSessions(ws, projectsDir, ids);
  await writeSampleChains(ws);
}

/**
 * Creates the sample workspace file at `path`, returned closed. It is built under a temporary name
 * and renamed when complete, so an interrupted run never leaves a half-filled sample behind.
 */
export async function createSampleWorkspace(path: string): Promise<void> {
  const projectsDir = join(dirname(path), 'projects');
  const partial = `${path}.partial`;
  for (const p of [partial, `${partial}.wal`, projectsDir])
    if (existsSync(p)) rmSync(p, { recursive: true, force: true });
  const ws = await Workspace.open(partial);
  try {
    await fillSampleWorkspace(ws, projectsDir);
    await ws.checkpoint();
  } finally {
    ws.close();
  }
  renameSync(partial, path);
}
