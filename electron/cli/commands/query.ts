import { runReadOnlyQuery } from '../../store/readOnlyQuery.js';
import { DB_HELP, DB_OPTION, UserError, oneOf, stringOpt, type Command } from '../command.js';
import { formatTable, rowsToObjects, toCsv } from '../output.js';
import { withWorkspace } from '../workspaceOption.js';

export const queryCommand: Command = {
  name: 'query',
  summary: 'Run read-only SQL over the workspace (writes, DDL, ATTACH, COPY, INSTALL and LOAD are refused).',
  usage: 'query "<SQL>" [--format table|csv|json] [--limit N] [--db PATH]',
  options: { ...DB_OPTION, format: { type: 'string' }, limit: { type: 'string' } },
  optionHelp: { format: 'table (default), csv or json', limit: 'at most N rows (default 10000)', ...DB_HELP },
  async run({ values, positionals, stdout, stderr }) {
    const sql = positionals.join(' ').trim();
    if (!sql)
      throw new UserError(
        'query needs the SQL text, e.g. provex query "SELECT COUNT(*) FROM provenance_sessions"',
      );
    const format = oneOf(values, 'format', ['table', 'csv', 'json'] as const, 'table');
    const limitText = stringOpt(values, 'limit');
    const limit = limitText === undefined ? 10_000 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UserError(`--limit must be a positive integer (got '${limitText}')`);
    const result = await withWorkspace(values, (ws) => runReadOnlyQuery(ws, sql, limit), { readOnly: false });
    const names = result.columns.map((c) => c.name);
    if (format === 'json') stdout(JSON.stringify(rowsToObjects(names, result.rows), null, 2) + '\n');
    else if (format === 'csv') stdout(toCsv(names, result.rows));
    else stdout(formatTable(names, result.rows));
    if (result.truncated) stderr(`(showing the first ${limit} rows; use --limit to see more)\n`);
  },
};
