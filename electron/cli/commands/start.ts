import { startApp } from '../start.js';
import { DB_HELP, DB_OPTION, type Command } from '../command.js';
import { serve, serveOptions } from './serve.js';

export const startCommand: Command = {
  name: 'start',
  summary:
    'Start the desktop app; where Electron is not installed, say why and start the browser mode instead.',
  usage: 'start [--db PATH] [--port N] [--allow-root DIR]...',
  options: { ...DB_OPTION, port: { type: 'string' }, 'allow-root': { type: 'string', multiple: true } },
  optionHelp: {
    port: 'browser mode: port to listen on',
    'allow-root': 'browser mode: a folder the browser may import from (repeatable)',
    ...DB_HELP,
  },
  async run({ values, stdout }) {
    const db = typeof values.db === 'string' ? ['--db', values.db] : [];
    const started = startApp(db, { log: (line) => stdout(`${line}\n`) });
    if (started.mode === 'electron') {
      process.exitCode = await started.exited;
      return;
    }
    await serve(serveOptions(values, stdout));
  },
};
