import { asEventId, asSessionId, type SessionId } from '../../shared/model/ids.js';
import type {
  TimelineItemKind,
  TimelineLane,
  TimelineOverview,
  TimelineRow,
  TimelineWindow,
  TimelineWindowArgs,
} from '../../shared/model/timeline.js';
import { analyseTimeline, type TimelineAnalysis } from './timelineAnalysis.js';
import { ROW_COLUMNS, TREE_CTE, rowOrder, rowsCte, singleSessionWindowSql } from './timelineSql.js';
import { type Row, boolOrNull, int, isoUtc, str } from './values.js';
import type { SideReader, Workspace } from './workspace.js';

/**
 * Windows ending at or before this row are answered by a top-N query while the ordering of their
 * (root, collapsed set) is still being materialised: the first screens never wait for it.
 */
const DIRECT_ROWS = 4000;
/** Materialised orderings kept (temp tables on the side connection). */
const MAX_ORDERINGS = 8;

/** The cheap half of an overview: the lanes, the span and what the row queries need. */
interface Head {
  lanes: TimelineLane[];
  /** Per lane, its ancestor chain below the root, itself included (the root's is empty). */
  chains: string[][];
  originUs: number;
  lastUs: number;
  maxDepth: number;
}

interface Ordering {
  table: string;
  total: number;
}

/**
 * Two connections of the timeline's own: `slow` builds orderings and analyses, `fast` answers the
 * lanes and windows meanwhile. Orderings live in an attached in-memory database, which every
 * connection of the instance sees; a read-only workspace cannot attach one, so there the
 * orderings are temp tables and both roles share one connection.
 */
interface Connections {
  fast: SideReader;
  slow: SideReader;
  /** `CREATE … TABLE <prefix>name` and `FROM <schema>name`. */
  create: string;
  schema: string;
}

const ATTACHED = 'provex_timeline';
/** Table names are unique in the process: repositories of one workspace share the attached database. */
let tableSeq = 0;

function kindOf(eventType: string): TimelineItemKind {
  switch (eventType) {
    case 'tool_call':
    case 'decision':
    case 'transformation':
    case 'log':
    case 'lifecycle':
      return eventType;
    default:
      return 'event';
  }
}

/**
 * Timeline reads. A window never waits for the whole session: the lanes (the head) are one small
 * query; the first DIRECT_ROWS rows come from a top-N query; the ordering of a (root, collapsed
 * set) is materialised into a temp table with a dense index in the background, after which any
 * window is a range scan. Density and critical path (the analysis) are computed once per root in
 * the background too; windows served before it lands say so (`critical_path_ready: false`).
 * The long work runs on a side connection, so it does not queue the workspace's other reads.
 */
export class TimelineRepository {
  private conns: Promise<Connections> | null = null;
  private heads = new Map<string, Promise<Head | null>>();
  private analyses = new Map<string, Promise<TimelineAnalysis>>();
  private analysed = new Map<string, TimelineAnalysis>();
  private orderings = new Map<string, Promise<Ordering>>();
  private ready = new Map<string, Ordering>();
  private generation = 0;
  /** Windows being answered, per root: the analysis waits for them (they are what gets painted first). */
  private readonly answering = new Map<string, Set<Promise<unknown>>>();

  /** `directRows`: the DIRECT_ROWS bound (tests set 0 to go through the materialised ordering). */
  constructor(
    private readonly ws: Workspace,
    private readonly options: { directRows?: number } = {},
  ) {}

  /** Forget cached orderings (after an import, the tracker or the watcher changed rows). */
  invalidate(): void {
    this.generation++;
    for (const p of this.orderings.values()) void p.then((o) => this.drop(o)).catch(() => undefined);
    this.heads = new Map();
    this.analyses = new Map();
    this.analysed = new Map();
    this.orderings = new Map();
    this.ready = new Map();
  }

  async overview(root: SessionId): Promise<TimelineOverview | null> {
    const head = await this.head(root);
    if (!head) return null;
    const analysis = await this.analysis(root, head);
    // The first scroll past the direct rows will want the full ordering: start it now.
    void this.ordering(root, [], head).catch(() => undefined);
    return {
      root,
      origin: isoUtc(new Date(head.originUs / 1000).toISOString()),
      span_ms: (head.lastUs - head.originUs) / 1000,
      lanes: head.lanes,
      total_rows: head.lanes.length + head.lanes.reduce((a, l) => a + l.event_count, 0),
      density: analysis.density,
      critical_path: analysis.criticalPath,
    };
  }

  async window(args: TimelineWindowArgs): Promise<TimelineWindow> {
    const root = args.session_id;
    const p = this.answer(args);
    let set = this.answering.get(root);
    if (!set) this.answering.set(root, (set = new Set()));
    set.add(p);
    try {
      return await p;
    } finally {
      set.delete(p);
      if (!set.size && this.answering.get(root) === set) this.answering.delete(root);
    }
  }

  private async answer(args: TimelineWindowArgs): Promise<TimelineWindow> {
    const root = args.session_id;
    const head = await this.head(root);
    if (!head) return { total_rows: 0, offset: 0, rows: [] };
    const collapsed = [...new Set(args.collapsed ?? [])].sort();
    const offset = Math.max(0, Math.floor(args.offset));
    const limit = Math.max(0, Math.min(2000, Math.floor(args.limit)));
    const key = orderingKey(root, collapsed);
    const ordering = this.ready.get(key);
    const { fast } = await this.connections();
    let raw: Row[];
    let total: number;
    if (limit === 0) {
      total = ordering?.total ?? visibleRows(head, collapsed);
      raw = [];
    } else if (!ordering && offset + limit <= (this.options.directRows ?? DIRECT_ROWS)) {
      total = visibleRows(head, collapsed);
      const rows =
        head.lanes.length === 1
          ? await fast.all(singleSessionWindowSql(offset, limit), [root, root])
          : await fast.all(
              `${rowsCte(collapsed, head.maxDepth)}
               SELECT ${ROW_COLUMNS} FROM rows ORDER BY ${rowOrder(head.maxDepth)} LIMIT ${limit} OFFSET ${offset}`,
              [root],
            );
      raw = rows.map((r, i) => ({ ...r, idx: offset + i }));
      // Started after the rows, so that the first window does not share the CPU with it.
      void this.ordering(root, collapsed, head).catch(() => undefined);
    } else {
      const o = ordering ?? (await this.ordering(root, collapsed, head));
      total = o.total;
      raw = await fast.all(
        `SELECT idx, ${ROW_COLUMNS} FROM ${o.table} WHERE idx >= ? AND idx < ? ORDER BY idx`,
        [offset, offset + limit],
      );
    }
    const analysis = this.analysed.get(root);
    if (!analysis) void this.analysis(root, head).catch(() => undefined);
    // Relative to the overview's `origin`, which is whole milliseconds.
    const originMs = Math.floor(head.originUs / 1000);
    return {
      total_rows: total,
      offset,
      rows: raw.map((r) => toRow(r, originMs, analysis?.onPath)),
      span_ms: (head.lastUs - head.originUs) / 1000,
      critical_path_ready: analysis !== undefined,
    };
  }

  private connections(): Promise<Connections> {
    this.conns ??= openConnections(this.ws);
    return this.conns;
  }

  private head(root: SessionId): Promise<Head | null> {
    let p = this.heads.get(root);
    if (!p) {
      p = this.connections().then((c) => loadHead(c.fast, root));
      this.heads.set(root, p);
      p.catch(() => this.heads.get(root) === p && this.heads.delete(root));
    }
    return p;
  }

  private analysis(root: SessionId, head: Head): Promise<TimelineAnalysis> {
    let p = this.analyses.get(root);
    if (!p) {
      const generation = this.generation;
      const ids = head.lanes.map((l) => l.session_id);
      const windows = [...(this.answering.get(root) ?? [])].map((w) => w.catch(() => undefined));
      p = Promise.all(windows)
        .then(() => this.connections())
        .then((c) => analyseTimeline(c.slow, ids, head.originUs, head.lastUs));
      this.analyses.set(root, p);
      p.then(
        (a) => this.generation === generation && this.analysed.set(root, a),
        () => this.analyses.get(root) === p && this.analyses.delete(root),
      );
    }
    return p;
  }

  private ordering(root: SessionId, collapsed: readonly string[], head: Head): Promise<Ordering> {
    const key = orderingKey(root, collapsed);
    let p = this.orderings.get(key);
    if (!p) {
      const generation = this.generation;
      p = this.materialize(root, collapsed, head);
      this.orderings.set(key, p);
      p.then(
        (o) => {
          if (this.generation !== generation) return;
          this.ready.set(key, o);
          this.evict();
        },
        () => this.orderings.get(key) === p && this.orderings.delete(key),
      );
    }
    return p;
  }

  private async materialize(root: SessionId, collapsed: readonly string[], head: Head): Promise<Ordering> {
    const { slow, create, schema } = await this.connections();
    const table = `${schema}timeline_${++tableSeq}`;
    await slow.all(
      `CREATE OR REPLACE ${create} ${table} AS
       ${rowsCte(collapsed, head.maxDepth)}
       SELECT CAST(row_number() OVER (ORDER BY ${rowOrder(head.maxDepth)}) - 1 AS BIGINT) AS idx, ${ROW_COLUMNS}
       FROM rows ORDER BY idx`,
      [root],
    );
    const [c] = await slow.all(`SELECT COUNT(*) AS n FROM ${table}`);
    return { table, total: int(c?.n ?? 0) };
  }

  /** Drops the oldest ready orderings beyond MAX_ORDERINGS. */
  private evict(): void {
    while (this.ready.size > MAX_ORDERINGS) {
      const [key, old] = this.ready.entries().next().value as [string, Ordering];
      this.ready.delete(key);
      this.orderings.delete(key);
      void this.drop(old);
    }
  }

  private async drop(o: Ordering): Promise<void> {
    await (await this.connections()).slow.all(`DROP TABLE IF EXISTS ${o.table}`).catch(() => undefined);
  }
}

async function openConnections(ws: Workspace): Promise<Connections> {
  const slow = await ws.sideReader();
  try {
    await slow.all(`ATTACH IF NOT EXISTS ':memory:' AS ${ATTACHED}`);
  } catch {
    return { fast: slow, slow, create: 'TEMP TABLE', schema: '' };
  }
  return { fast: await ws.sideReader(), slow, create: 'TABLE', schema: `${ATTACHED}.` };
}

async function loadHead(db: SideReader, root: SessionId): Promise<Head | null> {
  const laneRows = await db.all(
    `${TREE_CTE}
     SELECT t.session_id, t.parent_session_id, t.agent_type, t.query, t.depth, t.success, t.chain,
            epoch_us(t.start_time) AS start_us, epoch_us(t.end_time) AS end_us,
            (SELECT COUNT(*) FROM provenance_events e WHERE e.session_id = t.session_id) AS event_count,
            (SELECT epoch_us(MAX(e.timestamp)) FROM provenance_events e WHERE e.session_id = t.session_id) AS last_us
     FROM tree t ORDER BY t.path`,
    [root],
  );
  if (!laneRows.length) return null;
  const originUs = Number(laneRows[0]!.start_us);
  const lanes: TimelineLane[] = laneRows.map((r) => ({
    session_id: asSessionId(str(r.session_id)),
    parent_session_id: r.parent_session_id ? asSessionId(str(r.parent_session_id)) : null,
    agent_type: str(r.agent_type),
    query: str(r.query),
    depth: int(r.depth),
    start_ms: (Number(r.start_us) - originUs) / 1000,
    end_ms: r.end_us === null ? null : (Number(r.end_us) - originUs) / 1000,
    event_count: int(r.event_count),
    success: boolOrNull(r.success),
  }));
  const lastUs = Math.max(
    originUs,
    ...laneRows.map((r) => Math.max(Number(r.end_us ?? 0), Number(r.last_us ?? 0))),
  );
  return {
    lanes,
    chains: laneRows.map((r) => (Array.isArray(r.chain) ? r.chain.map(String) : [])),
    originUs,
    lastUs,
    maxDepth: Math.max(0, ...lanes.map((l) => l.depth)),
  };
}

/** Rows of the ordering with `collapsed` folded: as the row query counts them, from the lanes. */
function visibleRows(head: Head, collapsed: readonly string[]): number {
  const folded = new Set(collapsed);
  let n = 0;
  head.lanes.forEach((lane, i) => {
    const chain = head.chains[i] ?? [];
    if (!chain.slice(0, -1).some((s) => folded.has(s))) n++;
    if (!chain.some((s) => folded.has(s))) n += lane.event_count;
  });
  return n;
}

function orderingKey(root: string, collapsed: readonly string[]): string {
  return `${root}\u0000${[...collapsed].sort().join('\u0000')}`;
}

function toRow(r: Row, originMs: number, onPath: ReadonlySet<string> | undefined): TimelineRow {
  const eventId = r.event_id ? asEventId(str(r.event_id)) : null;
  const eventType = r.event_type === null || r.event_type === undefined ? null : str(r.event_type);
  const duration = r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms);
  return {
    index: int(r.idx),
    kind: r.kind === 'session' ? 'session' : kindOf(str(r.kind)),
    session_id: asSessionId(str(r.session_id)),
    depth: int(r.depth),
    event_id: eventId,
    label: str(r.label),
    event_type: eventType,
    start_ms: Number(r.ts_us) / 1000 - originMs,
    duration_ms: duration === null || Number.isNaN(duration) ? null : duration,
    success: boolOrNull(r.success),
    cache_hit: boolOrNull(r.cache_hit),
    on_critical_path: eventId !== null && (onPath?.has(eventId) ?? false),
    has_children: Boolean(r.has_children),
  };
}
