import { relative } from 'node:path';
import { listSessions } from '../../store/sessionRepository.js';
import { runDemoAgent } from '../../tracker/demo.js';
import { ProvenanceTracker } from '../../tracker/index.js';
import { DB_HELP, DB_OPTION, UserError, stringOpt, type Command } from '../command.js';
import { withWorkspace } from '../workspaceOption.js';

export const trackDemoCommand: Command = {
  name: 'track demo',
  summary:
    'Run a small demo agent through our tracker: nested sessions, tool calls, a decision, a transformation and entity links land in the workspace and in ./.claude/provenance.',
  usage: 'track demo [--root DIR] [--project NAME] [--db PATH]',
  options: { ...DB_OPTION, root: { type: 'string' }, project: { type: 'string' } },
  optionHelp: {
    root: 'the provenance folder to write (default ./.claude/provenance)',
    project: 'project name recorded on the sessions (default: this folder name)',
    ...DB_HELP,
  },
  async run({ values, positionals, stdout, stderr }) {
    if (positionals.length) throw new UserError(`track demo takes no arguments (got '${positionals[0]}')`);
    const root = stringOpt(values, 'root');
    const projectName = stringOpt(values, 'project');
    await withWorkspace(values, async (workspace) => {
      const problems: string[] = [];
      const tracker = new ProvenanceTracker({
        workspace,
        ...(root !== undefined ? { root } : {}),
        ...(projectName !== undefined ? { projectName } : {}),
        onDiagnostic: (d) => problems.push(d.message),
      });
      const run = await runDemoAgent(tracker);
      const closed = await tracker.close();
      for (const p of problems) stderr(`provex: tracker: ${p}\n`);
      if (!closed.ok) throw new Error(`${closed.pendingRows} rows could not be written to ${workspace.path}`);
      const page = await listSessions(workspace, { limit: 100_000 });
      const mine = run.sessionIds.flatMap((id) => page.rows.filter((r) => r.session_id === id));
      stdout(`recorded ${mine.length} sessions (root ${run.rootSessionId}):\n`);
      for (const s of mine) {
        stdout(
          `  ${'  '.repeat(s.depth)}${s.agent_type}  ${s.event_count} events, ${s.tool_call_count} tool calls  ${s.success ? 'ok' : 'failed'}\n`,
        );
      }
      stdout(`files: ${relative(process.cwd(), tracker.options.root) || '.'}/sessions/\n`);
      stdout(`workspace: ${workspace.path}\n`);
    });
  },
};
