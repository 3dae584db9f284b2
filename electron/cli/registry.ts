import type { Command } from './command.js';
import { chainsCommands } from './commands/chains.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { migrateCommand } from './commands/migrate.js';
import { queryCommand } from './commands/query.js';
import { sessionsCommands } from './commands/sessions.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { tasksCommands } from './commands/tasks.js';
import { trackDemoCommand } from './commands/track.js';
import { watchCommand } from './commands/watch.js';

/** Every `provex` command, in the order `provex --help` lists them. */
export const commands: Command[] = [
  initCommand,
  migrateCommand,
  importCommand,
  ...sessionsCommands,
  ...tasksCommands,
  ...chainsCommands,
  queryCommand,
  watchCommand,
  exportCommand,
  serveCommand,
  startCommand,
  trackDemoCommand,
];
