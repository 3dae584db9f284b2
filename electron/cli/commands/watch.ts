import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Service } from '../../service.js';
import { resolveWorkspacePath } from '../../store/paths.js';
import { Workspace } from '../../store/workspace.js';
import { watchRootId } from '../../watcher/workspaceWatch.js';
import { DB_HELP, DB_OPTION, UserError, stringOpt, type Command } from '../command.js';

/** Resolves on the first SIGINT / SIGTERM (Ctrl+C). */
export function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const watchCommand: Command = {
  name: 'watch',
  summary:
    'Watch project folders: import their .claude/provenance, then keep new sessions and appended action lines in the workspace until Ctrl+C.',
  usage: 'watch <folder>... [--poll] [--db PATH]',
  options: { ...DB_OPTION, poll: { type: 'boolean' } },
  optionHelp: {
    poll: 'poll for changes instead of file-system events (network drives)',
    ...DB_HELP,
  },
  async run({ values, positionals, stdout, stderr }) {
    if (!positionals.length) throw new UserError('watch needs at least one project folder');
    for (const p of positionals) if (!existsSync(p)) throw new UserError(`${p}: no such folder`);
    const db = resolveWorkspacePath(stringOpt(values, 'db'));
    const ws = await Workspace.open(db);
    const service = new Service(ws, values.poll ? { watcher: { polling: true } } : {});
    // Known before watching starts: the first import is reported while `watchRoot` runs.
    const labels = new Map(positionals.map((p) => [watchRootId(p), basename(resolve(p))]));
    service.on('watch/appended', (e) => {
      const n = `+${e.lines} line${e.lines === 1 ? '' : 's'}`;
      stdout(`${n.padEnd(12)}${e.session_ids.join(' ')}  ${e.folder}\n`);
    });
    service.on('watch/imported', (e) => {
      const where = e.folder ?? labels.get(e.root_id) ?? e.root_id;
      stdout(
        `imported    ${where}  (${e.sources} file${e.sources === 1 ? '' : 's'}: ${e.sessions} sessions, ${e.events} events)\n`,
      );
    });
    try {
      for (const p of positionals) {
        const r = await service.watchRoot(p);
        const how =
          r.state === 'missing' ? 'waiting for its .claude/provenance' : `${r.folders} session folders`;
        stdout(`watching    ${r.location}  (${how})\n`);
      }
    } catch (e) {
      await service.close();
      throw e;
    }
    stdout(`workspace   ${db}\npress Ctrl+C to stop\n`);
    await untilStopped();
    stderr('stopping…\n');
    await service.close();
  },
};
