import { resolveWorkspacePath } from '../../store/paths.js';
import { LATEST_SCHEMA_VERSION } from '../../store/migrations/index.js';
import { DB_HELP, DB_OPTION, stringOpt, type Command } from '../command.js';
import { withWorkspace } from '../workspaceOption.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create the workspace (or upgrade it to the current schema) and print where it is.',
  usage: 'init [--db PATH]',
  options: { ...DB_OPTION },
  optionHelp: { ...DB_HELP },
  async run({ values, stdout }) {
    const path = resolveWorkspacePath(stringOpt(values, 'db'));
    await withWorkspace(values, async (ws) => {
      stdout(
        `workspace ${path} at schema version ${await ws.schemaVersion()} (latest ${LATEST_SCHEMA_VERSION})\n`,
      );
    });
  },
};
