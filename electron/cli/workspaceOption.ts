import { resolveWorkspacePath } from '../store/paths.js';
import { Workspace, type OpenOptions } from '../store/workspace.js';
import { stringOpt, type Values } from './command.js';

/** Opens the workspace named by --db / PROVEX_DB / the default, runs `fn`, always closes it. */
export async function withWorkspace<T>(
  values: Values,
  fn: (ws: Workspace) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const ws = await Workspace.open(resolveWorkspacePath(stringOpt(values, 'db')), options);
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
