import type { Command } from './command.js';
import { initCommand } from './commands/init.js';
import { migrateCommand } from './commands/migrate.js';
import { queryCommand } from './commands/query.js';
import { sessionsCommands } from './commands/sessions.js';
import { serveCommand } from './commands/serve.js';
import { tasksCommands } from './commands/tasks.js';

/** Every `provex` command, in the order `provex --help` lists them. */
export const commands: Command[] = [
  initCommand,
  migrateCommand,
  ...sessionsCommands,
  ...tasksCommands,
  queryCommand,
  serveCommand,
];
