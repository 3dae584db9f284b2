import type { SessionId } from '../../shared/model/ids.js';
import type { TimelineOverview, TimelineWindow, TimelineWindowArgs } from '../../shared/model/timeline.js';
import { analyseTimeline, type TimelineAnalysis } from './timelineAnalysis.js';
import { type Head, loadHead, toRow, visibleRows } from './timelineHead.js';
import { ROW_COLUMNS, rowOrder, rowsCte, singleSessionWindowSql } from './timelineSql.js';
import { type Row, int, isoUtc } from './values.js';
import type { SideReader, Workspace } from './workspace.js';

/**
 * Windows ending at or before this row are answered by a top-N query while the ordering of their
 * (root, collapsed set) is still being materialised: the first screens never wait for it. A top-N
 * costs about the same at row 20,000 as at row 0 (the scan dominates); at 4,000, three seconds of
 * fast scrolling reached the end and the ordering's sort then held both cores as the next view
 * opened (5,000-task graph 0.9 s -> 3.4 s).
 */
const DIRECT_ROWS = 20_000;
/** Materialised orderings kept per repository. */
const MAX_ORDERINGS = 8;

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
  /** `CREATE OR REPLACE ${create} ${schema}name`: a table of the attached database, or a temp table. */
  create: string;
  schema: string;
}

const ATTACHED = 'provex_timeline';
/** Table names are unique in the process: repositories of one workspace share the attached database. */
let tableSeq = 0;

/**
 * Timeline reads. A window never waits for the whole session: the lanes (the head) are one small
 * query; the first DIRECT_ROWS rows come from a top-N query; the ordering of a (root, collapsed
 * set) is materialised into a table with a dense index in the background, after which any window
 * is a range scan. Density and critical path (the analysis) are computed once per root in the
 * background too, after the windows in flight; windows served before it lands say so
 * (`critical_path_ready: false`). All of it runs on the timeline's own connections, so neither
 * waits for the workspace's other reads nor holds them up.
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
      // The full ordering is built once the reader is halfway through the rows a top-N serves
      // (a million-row sort takes both cores for seconds: not for a glance at the first screens),
      // after the rows and after an analysis under way (the minimap and critical path show sooner).
      if (offset + limit > (this.options.directRows ?? DIRECT_ROWS) / 2) {
        const before = this.analyses.get(root)?.catch(() => undefined) ?? Promise.resolve();
        void before.then(() => this.ordering(root, collapsed, head)).catch(() => undefined);
      }
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
      const generation = this.generation;
      p = this.connections().then(async (c) => {
        const head = await loadHead(c.fast, root);
        return head && { ...head, generation };
      });
      this.heads.set(root, p);
      p.catch(() => this.heads.get(root) === p && this.heads.delete(root));
    }
    return p;
  }

  private async fresh(root: SessionId, head: Head): Promise<Head> {
    if (head.generation === this.generation) return head;
    // The session went away meanwhile: go on with the old lanes (the rows will be empty).
    return (await this.head(root)) ?? { ...head, generation: this.generation };
  }

  private analysis(root: SessionId, stale: Head): Promise<TimelineAnalysis> {
    // A call that began before `invalidate` must not cache what its old lanes imply.
    if (stale.generation !== this.generation)
      return this.fresh(root, stale).then((h) => this.analysis(root, h));
    const head = stale;
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

  private ordering(root: SessionId, collapsed: readonly string[], stale: Head): Promise<Ordering> {
    if (stale.generation !== this.generation)
      return this.fresh(root, stale).then((h) => this.ordering(root, collapsed, h));
    const head = stale;
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

  /** Best effort: the workspace may have closed meanwhile (its in-memory tables go with it). */
  private async drop(o: Ordering): Promise<void> {
    try {
      await (await this.connections()).slow.all(`DROP TABLE IF EXISTS ${o.table}`);
    } catch {
      // Nothing to free.
    }
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

function orderingKey(root: string, collapsed: readonly string[]): string {
  return `${root}\u0000${[...collapsed].sort().join('\u0000')}`;
}
