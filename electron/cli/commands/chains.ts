import type { Chain, MatchBy } from '../../../shared/model/chains.js';
import type { ChainRef } from '../../../shared/model/chainWorkspace.js';
import { asChainId, asSessionId } from '../../../shared/model/ids.js';
import { chainToJson } from '../../../shared/chains/chainWriter.js';
import { writeKeptJson } from '../../../shared/chains/keptJson.js';
import { formatFloat, roundedText } from '../../../shared/chains/numberText.js';
import { Service } from '../../service.js';
import { NotFoundError } from '../../store/chainRefs.js';
import type { Workspace } from '../../store/workspace.js';
import { DB_HELP, DB_OPTION, UserError, oneOf, stringOpt, type Command, type Values } from '../command.js';
import { formatTable } from '../output.js';
import { withWorkspace } from '../workspaceOption.js';

/** Runs `fn` over the service; a missing chain or session becomes a one-line user error. */
async function withService<T>(values: Values, fn: (s: Service) => Promise<T>): Promise<T> {
  return withWorkspace(values, async (ws: Workspace) => {
    try {
      return await fn(new Service(ws));
    } catch (e) {
      if (e instanceof NotFoundError) throw new UserError(e.message);
      throw e;
    }
  });
}

/**
 * `session:<id>` names a session's decision sequence, `chain:<id>` or a bare id a workspace chain;
 * a bare id may be a unique prefix of a chain key (like a git hash).
 */
async function refOf(service: Service, text: string): Promise<ChainRef> {
  if (text.startsWith('session:')) return { kind: 'session', id: asSessionId(text.slice(8)) };
  const id = text.startsWith('chain:') ? text.slice(6) : text;
  if (await service['chains/get']({ chain_id: asChainId(id) })) return { kind: 'chain', id: asChainId(id) };
  const page = await service['chains/list']({ search: id, limit: 100_000 });
  const hits = page.rows.filter((r) => r.chain_id.startsWith(id));
  if (hits.length === 1) return { kind: 'chain', id: hits[0]!.chain_id };
  if (hits.length > 1) throw new UserError(`'${id}' names ${hits.length} chains; give more of the id`);
  throw new UserError(`Chain ${id} not found (provex chains ls lists them)`);
}

const day = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
const conf = (x: number | null) => (x === null ? '' : roundedText(x, 2));

const lsCommand: Command = {
  name: 'chains ls',
  summary: 'List the reasoning chains in the workspace, newest first.',
  usage: 'chains ls [--search TEXT] [--type EVENT_TYPE] [--json] [--db PATH]',
  options: { ...DB_OPTION, search: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } },
  optionHelp: {
    search: 'text in the name, description, ids or experiment ids',
    type: 'only chains holding an event of this type',
    json: 'print a JSON array of objects',
    ...DB_HELP,
  },
  async run({ values, stdout }) {
    const search = stringOpt(values, 'search');
    const type = stringOpt(values, 'type');
    const page = await withService(values, (s) =>
      s['chains/list']({
        ...(search !== undefined ? { search } : {}),
        ...(type !== undefined ? { event_type: type } : {}),
        limit: 100_000,
      }),
    );
    if (values.json) {
      stdout(JSON.stringify(page.rows, null, 2) + '\n');
      return;
    }
    if (!page.rows.length) {
      stdout('no chains match\n');
      return;
    }
    const cols = ['chain_id', 'name', 'events', 'types', 'mean conf', 'experiments', 'created (UTC)'];
    const rows = page.rows.map((c) => [
      c.chain_id,
      c.name ?? '',
      c.event_count,
      c.event_types.join(', '),
      conf(c.mean_confidence),
      c.experiments.join(', '),
      day(c.created_at),
    ]);
    stdout(formatTable(cols, rows, 40));
    stdout(`${page.total} chain${page.total === 1 ? '' : 's'}\n`);
  },
};

function chainHeader(key: string, source: string | null, c: Chain): string {
  const types = new Map<string, number>();
  for (const e of c.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
  const mean = c.events.length ? c.events.reduce((n, e) => n + e.confidence, 0) / c.events.length : null;
  return [
    `chain        ${key}${c.id !== key ? ` (id in file: ${c.id})` : ''}`,
    `name         ${c.name ?? '-'}`,
    `description  ${c.description ?? '-'}`,
    `created      ${c.created_at}`,
    `updated      ${c.updated_at}`,
    `source       ${source ?? '-'}`,
    `events       ${c.events.length}${mean === null ? '' : `, mean confidence ${formatFloat(mean)}`}`,
    `types        ${[...types].map(([t, n]) => `${t} ${n}`).join(', ') || '-'}`,
    '',
  ].join('\n');
}

const showCommand: Command = {
  name: 'chains show',
  summary: "Show one chain: its record and events (or, with --json, the chain file's content).",
  usage: 'chains show <chain-id> [--json] [--db PATH]',
  options: { ...DB_OPTION, json: { type: 'boolean' } },
  optionHelp: { json: 'print the workspace key, source and the chain as its JSON file form', ...DB_HELP },
  async run({ values, positionals, stdout }) {
    const [id, ...extra] = positionals;
    if (!id || extra.length) throw new UserError('chains show takes exactly one chain id');
    const stored = await withService(values, async (s) => {
      const ref = await refOf(s, id);
      if (ref.kind === 'session') {
        const chain = await s['chains/sessionDecisions']({ session_id: ref.id });
        if (!chain) throw new UserError(`Session ${ref.id} not found`);
        return { chain_id: id, source_path: null, chain };
      }
      return s['chains/get']({ chain_id: ref.id });
    });
    if (!stored) throw new UserError(`Chain ${id} not found`);
    if (values.json) {
      const doc = {
        chain_id: stored.chain_id,
        source_path: stored.source_path,
        chain: chainToJson(stored.chain),
      };
      stdout(writeKeptJson(doc) + '\n');
      return;
    }
    stdout(chainHeader(stored.chain_id, stored.source_path, stored.chain));
    stdout(
      formatTable(
        ['#', 'time', 'type', 'conf', 'decision', 'alternatives', 'parent', 'stage'],
        stored.chain.events.map((e, i) => [
          i + 1,
          e.timestamp,
          e.type,
          formatFloat(e.confidence),
          e.decision ?? '',
          e.alternatives.join('; '),
          e.parent_id ?? '',
          e.stage_id ?? '',
        ]),
        50,
      ),
    );
  },
};

const diffCommand: Command = {
  name: 'chains diff',
  summary: "Compare two chains (or two sessions' decision sequences) as CrucibleTrace does.",
  usage:
    'chains diff <a> <b> [--match auto|id|content|position] [--timestamps] [--format text|json|html] [--db PATH]',
  options: {
    ...DB_OPTION,
    match: { type: 'string' },
    timestamps: { type: 'boolean' },
    format: { type: 'string' },
  },
  optionHelp: {
    match:
      'how events pair up: auto (default: id when the chains share one, else content), id, content, position',
    timestamps: 'also report changed timestamps (ignored by default, as the reference)',
    format: "text (the reference's report, default), json (the diff result) or html (the reference's page)",
    ...DB_HELP,
  },
  async run({ values, positionals, stdout }) {
    const [a, b, ...extra] = positionals;
    if (!a || !b || extra.length)
      throw new UserError('chains diff takes two ids: chain ids (or unique prefixes) or session:<id>');
    const matchBy = oneOf<MatchBy>(values, 'match', ['auto', 'id', 'content', 'position'], 'auto');
    const format = oneOf(values, 'format', ['text', 'json', 'html'] as const, 'text');
    const diff = await withService(values, async (s) =>
      s['chains/diff']({
        a: await refOf(s, a),
        b: await refOf(s, b),
        match_by: matchBy,
        compare_timestamps: values.timestamps === true,
        html: format === 'html',
      }),
    );
    if (format === 'text') stdout(diff.text);
    else if (format === 'html') stdout(diff.html ?? '');
    else stdout(JSON.stringify(diff.result, null, 2) + '\n');
  },
};

export const chainsCommands = [lsCommand, showCommand, diffCommand];
