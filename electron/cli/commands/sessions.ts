import { asSessionId } from '../../../shared/model/ids.js';
import type { SessionFilter, SessionSummary } from '../../../shared/model/sessions.js';
import { getSessionTrace, listSessions } from '../../store/sessionRepository.js';
import { DB_HELP, DB_OPTION, UserError, stringOpt, type Command, type Values } from '../command.js';
import { formatTable } from '../output.js';
import { withWorkspace } from '../workspaceOption.js';

/** `7d`, `12h`, `30m` before now, or any ISO-8601 date / date-time (UTC unless it has an offset). */
export function parseTime(text: string, name: string, now = Date.now()): string {
  const rel = /^(\d+)\s*([dhm])$/.exec(text.trim());
  if (rel) {
    const ms = Number(rel[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm'];
    return new Date(now - ms).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text.trim())) {
    throw new UserError(`--${name} must be an ISO date or date-time, or 7d / 12h / 30m (got '${text}')`);
  }
  const iso = text.trim().replace(' ', 'T');
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) || iso.length === 10 ? iso : `${iso}Z`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) throw new UserError(`--${name}: not a valid time '${text}'`);
  return d.toISOString();
}

function filterFrom(values: Values): SessionFilter {
  const f: SessionFilter = { limit: 100_000 };
  const project = stringOpt(values, 'project');
  const agent = stringOpt(values, 'agent');
  const success = stringOpt(values, 'success');
  const since = stringOpt(values, 'since');
  const until = stringOpt(values, 'until');
  const search = stringOpt(values, 'search');
  if (project !== undefined) f.project = project;
  if (agent !== undefined) f.agent = agent;
  if (success !== undefined) {
    if (success !== 'true' && success !== 'false')
      throw new UserError(`--success must be true or false (got '${success}')`);
    f.success = success === 'true';
  }
  if (since !== undefined) f.since = parseTime(since, 'since');
  if (until !== undefined) f.until = parseTime(until, 'until');
  if (search !== undefined) f.search = search;
  return f;
}

function tableRow(s: SessionSummary): unknown[] {
  const indent = '  '.repeat(Math.min(s.depth, 6));
  return [
    s.session_id,
    s.project ?? '',
    `${indent}${s.agent_type}`,
    s.query,
    s.start_time.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
    s.duration_ms === null ? '' : `${s.duration_ms} ms`,
    s.success === null ? '?' : s.success ? 'ok' : 'FAILED',
    s.event_count,
    s.tool_call_count,
  ];
}

const lsCommand: Command = {
  name: 'sessions ls',
  summary: 'List agent sessions across projects, newest first.',
  usage:
    'sessions ls [--project P] [--agent A] [--success true|false] [--since T] [--until T] [--search TEXT] [--json] [--db PATH]',
  options: {
    ...DB_OPTION,
    project: { type: 'string' },
    agent: { type: 'string' },
    success: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    search: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    project: 'only sessions of this project (name or root path)',
    agent: 'only this agent type',
    success: 'true or false',
    since: 'started at or after T (ISO date/time, or 7d / 12h / 30m ago)',
    until: 'started at or before T',
    search: 'text in the query, agent, error, event names or details',
    json: 'print a JSON array of objects',
    ...DB_HELP,
  },
  async run({ values, stdout }) {
    const filter = filterFrom(values);
    const page = await withWorkspace(values, (ws) => listSessions(ws, filter));
    if (values.json) {
      stdout(JSON.stringify(page.rows, null, 2) + '\n');
      return;
    }
    if (!page.rows.length) {
      stdout('no sessions match\n');
      return;
    }
    const cols = [
      'session_id',
      'project',
      'agent',
      'query',
      'start (UTC)',
      'duration',
      'status',
      'events',
      'tools',
    ];
    stdout(formatTable(cols, page.rows.map(tableRow), 48));
    stdout(`${page.total} session${page.total === 1 ? '' : 's'}\n`);
  },
};

const showCommand: Command = {
  name: 'sessions show',
  summary: 'Show one session: its record, events, tool calls, decisions, transformations and entity links.',
  usage: 'sessions show <session-id> [--json] [--db PATH]',
  options: { ...DB_OPTION, json: { type: 'boolean' } },
  optionHelp: { json: 'print the whole trace as JSON', ...DB_HELP },
  async run({ values, positionals, stdout }) {
    const [id, ...extra] = positionals;
    if (!id || extra.length) throw new UserError('sessions show takes exactly one session id');
    const trace = await withWorkspace(values, (ws) => getSessionTrace(ws, asSessionId(id)));
    if (!trace) throw new UserError(`Session ${id} not found`);
    if (values.json) {
      stdout(JSON.stringify(trace, null, 2) + '\n');
      return;
    }
    const s = trace.session;
    const status = s.success === null ? 'unknown' : s.success ? 'success' : 'failed';
    stdout(
      [
        `session   ${s.session_id}`,
        `project   ${s.project ?? '-'}${s.project_root ? ` (${s.project_root})` : ''}`,
        `agent     ${s.agent_type}`,
        `query     ${s.query}`,
        `started   ${s.start_time}`,
        `ended     ${s.end_time ?? '-'}`,
        `duration  ${s.duration_ms ?? '-'} ms`,
        `status    ${status}${s.error_message ? `: ${s.error_message}` : ''}`,
        `parent    ${s.parent_session_id ?? '-'} (depth ${s.depth})`,
        `folder    ${s.folder ?? '-'}`,
        '',
      ].join('\n'),
    );
    stdout(
      formatTable(
        ['#', 'time', 'type', 'name', 'details'],
        trace.events.map((e) => [e.sequence_number, e.timestamp, e.event_type, e.event_name, e.details]),
        70,
      ),
    );
    stdout(
      `\n${trace.tool_calls.length} tool calls, ${trace.decisions.length} decisions, ${trace.transformations.length} transformations, ${trace.entity_links.length} entity links\n`,
    );
  },
};

export const sessionsCommands = [lsCommand, showCommand];
