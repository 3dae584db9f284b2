import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'provenance-explorer';

/** The OS user-data folder of the app, where the embedded default workspace lives. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** `--db PATH` wins, then `PROVEX_DB`, then the default workspace in the user-data folder. */
export function resolveWorkspacePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.PROVEX_DB) return env.PROVEX_DB;
  return join(userDataDir(env), 'workspace.duckdb');
}
