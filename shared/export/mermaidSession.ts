/**
 * A session as Mermaid diagrams: a sequence diagram (the agent, each tool it called and each
 * child session as participants) and a Gantt chart (one section per session, a bar per timed
 * item). Mermaid refuses texts over its size limit, so long sessions are cut at `maxItems` with a
 * note saying how many items were left out.
 */
import type { SessionTrace } from '../model/sessions.js';
import { nodeLabel, plainLabel } from './mermaidText.js';
import { instantKey, msBetween, sessionItems, eventItems, type SessionItem } from './sessionItems.js';

export interface SessionDiagramOptions {
  /** At most this many items (events, child starts and ends); default 300. */
  maxItems?: number;
  /** Longest label in graphemes; default 50. */
  maxLabelLength?: number;
}

const DEFAULT_MAX_ITEMS = 300;

function durationText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function outcome(success: boolean | null): string {
  return success === true ? 'ok' : success === false ? 'failed' : 'no result';
}

/** The sequence diagram of a session and its descendants (given as traces with parent ids). */
export function toSessionSequence(
  root: SessionTrace,
  descendants: readonly SessionTrace[] = [],
  opts: SessionDiagramOptions = {},
): string {
  const max = opts.maxLabelLength ?? 50;
  const label = (t: string | null | undefined): string => nodeLabel(t, max);
  const rootId = root.session.session_id;
  const sessionPid = new Map<string, string>([[rootId, 'A0']]);
  const participants = [`    participant A0 as ${nodeLabel(root.session.agent_type, 40)}`];
  descendants.forEach((c, i) => {
    const pid = `S${i + 1}`;
    sessionPid.set(c.session.session_id, pid);
    participants.push(`    participant ${pid} as ${nodeLabel(c.session.agent_type, 40)} (child)`);
  });
  const toolPid = new Map<string, string>();
  const items = sessionItems(root, descendants);
  const limit = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  const shown = items.slice(0, limit);
  for (const it of shown) {
    if (it.kind === 'tool' && !toolPid.has(it.tool)) {
      const pid = `T${toolPid.size + 1}`;
      toolPid.set(it.tool, pid);
      participants.push(`    participant ${pid} as ${nodeLabel(it.tool, 40)}`);
    }
  }
  const lines: string[] = [];
  const ctx: SequenceContext = { label, toolPid, sessionPid, active: new Set() };
  for (const it of shown) lines.push(...sequenceLines(it, ctx));
  if (items.length > shown.length) {
    lines.push(`    Note over A0: ${items.length - shown.length} more items not shown`);
  }
  if (lines.length === 0) lines.push('    Note over A0: no events recorded');
  return `sequenceDiagram\n${participants.join('\n')}\n${lines.join('\n')}\n`;
}

interface SequenceContext {
  label: (t: string | null | undefined) => string;
  toolPid: Map<string, string>;
  sessionPid: Map<string, string>;
  /** Activated child participants: deactivating one that is not active is a Mermaid error. */
  active: Set<string>;
}

function sequenceLines(it: SessionItem, ctx: SequenceContext): string[] {
  const { label } = ctx;
  switch (it.kind) {
    case 'tool': {
      const pid = ctx.toolPid.get(it.tool)!;
      const call = it.call;
      const facts = [
        call ? outcome(call.success) : 'called',
        durationText(it.durationMs),
        call?.cache_hit ? 'cache hit' : '',
      ].filter(Boolean);
      const failed = call?.success === false;
      const reply = failed && call?.error_message ? `failed: ${call.error_message}` : facts.join(', ');
      return [
        `    A0->>${pid}: ${label(it.label)}`,
        `    ${pid}-${failed ? '-x' : '->>'}A0: ${label(reply)}`,
      ];
    }
    case 'decision': {
      const text = it.branch ? `${it.point} → ${it.branch}` : it.point;
      return [`    Note right of A0: decision: ${label(text)}`];
    }
    case 'transformation':
      return [
        `    A0->>A0: transform ${label(it.name)}${it.durationMs !== null ? ` (${durationText(it.durationMs)})` : ''}`,
      ];
    case 'log':
      return [`    Note right of A0: ${label(`${it.level}: ${it.message}`)}`];
    case 'lifecycle':
      return [
        `    Note over A0: ${label(it.name === 'agent_end' ? `agent_end (${outcome(it.success)})` : it.name)}`,
      ];
    case 'other':
      return [`    A0->>A0: ${label(it.name)}`];
    case 'child-start': {
      const from = ctx.sessionPid.get(it.parentId) ?? 'A0';
      const to = ctx.sessionPid.get(it.child.session.session_id)!;
      ctx.active.add(to);
      return [`    ${from}->>+${to}: ${label(it.child.session.query || it.child.session.agent_type)}`];
    }
    case 'child-end': {
      const from = ctx.sessionPid.get(it.parentId) ?? 'A0';
      const to = ctx.sessionPid.get(it.child.session.session_id)!;
      const s = it.child.session;
      const text = [outcome(s.success), durationText(s.duration_ms)].filter(Boolean).join(', ');
      const off = ctx.active.delete(to) ? '-' : '';
      return [`    ${to}-${s.success === false ? '-x' : '->>'}${off}${from}: ${label(text)}`];
    }
  }
}

/** `2026-01-13T16:05:12.401463Z` -> `2026-01-13 16:05:12.401` (the Gantt's dateFormat). */
export function ganttTime(iso: string): string {
  const key = instantKey(iso);
  return `${key.slice(0, 10)} ${key.slice(11, 23)}`;
}

/** The Gantt chart of a session and its descendants: one section per session. */
export function toSessionGantt(
  root: SessionTrace,
  descendants: readonly SessionTrace[] = [],
  opts: SessionDiagramOptions = {},
): string {
  const max = opts.maxLabelLength ?? 50;
  const limit = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  const out = [
    'gantt',
    `    title ${plainLabel(`${root.session.agent_type} - ${root.session.query}`, 80)}`,
    '    dateFormat YYYY-MM-DD HH:mm:ss.SSS',
    '    axisFormat %H:%M:%S',
  ];
  let budget = limit;
  let left = 0;
  for (const trace of [root, ...descendants]) {
    const s = trace.session;
    out.push(`    section ${plainLabel(trace === root ? s.agent_type : `${s.agent_type} (child)`, 40)}`);
    const span = s.duration_ms ?? (s.end_time ? msBetween(s.start_time, s.end_time) : null);
    out.push(
      `    ${plainLabel(s.query || 'session', max)} :${s.success === false ? 'crit, ' : ''}${ganttTime(s.start_time)}, ${Math.max(1, span ?? 1)}ms`,
    );
    for (const it of eventItems(trace)) {
      if (budget <= 0) {
        left++;
        continue;
      }
      const line = ganttLine(it, max);
      if (line) {
        out.push(line);
        budget--;
      }
    }
  }
  if (left > 0)
    out.push(`    ${left} more items not shown :milestone, ${ganttTime(root.session.start_time)}, 0ms`);
  return out.join('\n') + '\n';
}

function ganttLine(it: SessionItem, max: number): string | null {
  const at = ganttTime(it.at);
  const bar = (name: string, ms: number | null, crit: boolean): string =>
    `    ${plainLabel(name, max)} :${crit ? 'crit, ' : ''}${at}, ${Math.max(1, ms ?? 1)}ms`;
  const milestone = (name: string): string => `    ${plainLabel(name, max)} :milestone, ${at}, 0ms`;
  switch (it.kind) {
    case 'tool':
      return bar(it.label, it.durationMs, it.call?.success === false);
    case 'transformation':
      return bar(it.name, it.durationMs, false);
    case 'decision':
      return milestone(it.branch ? `${it.point} → ${it.branch}` : it.point);
    case 'log':
      return it.level === 'INFO' ? null : milestone(`${it.level} ${it.message}`);
    case 'other':
      return it.durationMs !== null ? bar(it.name, it.durationMs, false) : milestone(it.name);
    default:
      return null;
  }
}
