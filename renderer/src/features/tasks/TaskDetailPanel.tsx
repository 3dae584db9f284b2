/**
 * The selected task: fields, description, labels, comments, activities (agent, phase, stage,
 * start, end, duration), every edge, linked agent sessions as badges, and the edits (close with a
 * reason, label, comment, add/remove edge). Imported text is rendered as text, never as HTML.
 */
import { useEffect, useState } from 'react';
import type { EdgeKind } from '../../../../shared/model/tasks.js';
import type { TaskSessionLink } from '../../../../shared/model/taskCalls.js';
import { ENUMS } from '../../../../shared/tasks/enums.js';
import { taskGraphStore } from '../../stores/taskGraphStore.js';
import { agentName, type GraphModel } from './graphModel.js';
import type { TaskActions } from './taskActions.js';
import { edgesOf, priorityBadge } from './toCyElements.js';

interface Props {
  model: GraphModel;
  taskId: string;
  readOnly: boolean;
  actions: TaskActions;
  onOpenSession?: (sessionId: string) => void;
}

const iso = (ns: bigint | null) =>
  ns === null ? '—' : new Date(Number(ns / 1_000_000n)).toISOString().replace('T', ' ').replace('Z', '');
function duration(start: bigint, end: bigint | null): string {
  if (end === null) return 'running';
  const s = Number((end - start) / 1_000_000n) / 1000;
  return s < 60
    ? `${s.toFixed(1)} s`
    : s < 3600
      ? `${(s / 60).toFixed(1)} min`
      : `${(s / 3600).toFixed(1)} h`;
}

/** An edge as a phrase about the shown task: it waits for / is waited for by, or the PROV kind. */
const INCOMING: Partial<Record<EdgeKind, string>> = {
  blocked_by: 'needed by',
  derived_from: 'source of',
  discovered_from: 'led to',
  supersedes: 'superseded by',
};

function edgeText(kind: EdgeKind, way: 'out' | 'in'): string {
  if (way === 'out') return kind === 'blocked_by' ? 'waits for' : kind.replace(/_/g, ' ');
  return INCOMING[kind] ?? `${kind.replace(/_/g, ' ')} ←`;
}

export function TaskDetailPanel({ model, taskId, readOnly, actions, onOpenSession }: Props) {
  const task = model.index.tasks.get(taskId);
  const [sessions, setSessions] = useState<TaskSessionLink[]>([]);
  const [reason, setReason] = useState('');
  const [label, setLabel] = useState('');
  const [comment, setComment] = useState('');
  const [author, setAuthor] = useState(model.graph.agents[0]?.id ?? '');
  const [kind, setKind] = useState<EdgeKind>('blocked_by');
  useEffect(() => {
    let live = true;
    setSessions([]);
    void actions.sessions(taskId).then((s) => live && s && setSessions(s));
    return () => {
      live = false;
    };
  }, [taskId, actions]);
  if (!task) return null;
  const name = (id: string) =>
    model.index.tasks.get(id)?.title ??
    model.activities.get(id)?.phase ??
    agentName(model.agents.get(id), id);
  // Another task named in an edge is one click away.
  const goTo = (id: string) =>
    model.index.tasks.has(id) ? (
      <button type="button" className="link-button" onClick={() => taskGraphStore.getState().select(id)}>
        {name(id)}
      </button>
    ) : (
      name(id)
    );
  const { outgoing, incoming } = edgesOf(model, taskId);
  const activities = outgoing
    .filter((e) => e.kind === 'generated_by')
    .map((e) => model.activities.get(e.target_id))
    .filter((a) => a !== undefined);
  const state = model.ready.has(taskId)
    ? 'Ready'
    : model.blocked.has(taskId)
      ? 'Blocked'
      : task.status === 'closed'
        ? 'Closed'
        : '';

  return (
    <aside className="tasks-detail" aria-label="Task details">
      <h2>
        <span className={`badge priority-${task.priority}`}>{priorityBadge(task.priority)}</span> {task.title}
      </h2>
      <p className="tasks-id">{task.id}</p>
      <p>
        {task.status} · {task.type} · {task.priority} · {task.phase}{' '}
        {state && <strong className={`state-${state.toLowerCase()}`}>· {state}</strong>}
      </p>
      {task.description && <p className="tasks-description">{task.description}</p>}
      {task.close_reason && <p>Close reason: {task.close_reason}</p>}
      <p>
        Created {iso(task.created_at)} · updated {iso(task.updated_at)}
        {task.owner_id && ` · owner ${agentName(model.agents.get(task.owner_id), task.owner_id)}`}
      </p>
      <section aria-label="Sessions">
        <h3>Agent sessions</h3>
        {sessions.length === 0 ? (
          <p className="muted">none reference this task</p>
        ) : (
          <ul className="task-sessions">
            {sessions.map((s) => (
              <li key={s.session_id} data-session-id={s.session_id}>
                <button
                  type="button"
                  className="link-button"
                  title={`Open the timeline (linked by ${s.via.join(', ')})`}
                  onClick={() => onOpenSession?.(s.session_id)}
                >
                  {s.query || s.session_id}
                </button>
                <span className="muted">
                  {' '}
                  {s.agent_type} · {s.start_time.slice(0, 19).replace('T', ' ')}
                  {s.success === false ? ' · failed' : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Labels">
        <h3>Labels</h3>
        {(model.labelsByTask.get(taskId) ?? []).map((l) => (
          <span key={l} className="badge label">
            {l}
          </span>
        ))}
        {!readOnly && (
          <form
            onSubmit={(e) => (
              e.preventDefault(),
              label.trim() && void actions.addLabel(taskId, label.trim()).then(() => setLabel(''))
            )}
          >
            <input
              aria-label="New label"
              placeholder="label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <button type="submit">Add label</button>
          </form>
        )}
      </section>
      <section aria-label="Edges">
        <h3>Edges</h3>
        <ul>
          {outgoing.map((e) => (
            <li key={`${e.kind}|${e.target_id}`}>
              <span className="muted">{edgeText(e.kind, 'out')}</span> {goTo(e.target_id)}
              {!readOnly && (
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove ${e.kind} edge to ${name(e.target_id)}`}
                  title="Remove this edge"
                  onClick={() => void actions.removeEdge(e.source_id, e.target_id, e.kind)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {incoming.map((e) => (
            <li key={`in|${e.kind}|${e.source_id}`}>
              <span className="muted">{edgeText(e.kind, 'in')}</span> {goTo(e.source_id)}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <p>
            <select aria-label="Edge kind" value={kind} onChange={(e) => setKind(e.target.value as EdgeKind)}>
              {ENUMS.EdgeKind.slice(0, 4).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => taskGraphStore.getState().setPendingEdge({ source: taskId, kind })}
            >
              Add edge: pick the target in the graph
            </button>
          </p>
        )}
      </section>
      <section aria-label="Activities">
        <h3>Activities</h3>
        {activities.length === 0 ? (
          <p className="muted">none generated this task</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>agent</th>
                <th>phase</th>
                <th>stage</th>
                <th>start</th>
                <th>end</th>
                <th>duration</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((a) => (
                <tr key={a.id}>
                  <td>{agentName(model.agents.get(a.agent_id), a.agent_id)}</td>
                  <td>{a.phase}</td>
                  <td>{a.stage}</td>
                  <td>{iso(a.started_at)}</td>
                  <td>{iso(a.ended_at)}</td>
                  <td>{duration(a.started_at, a.ended_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Comments">
        <h3>Comments</h3>
        {model.graph.comments
          .filter((c) => c.task_id === taskId)
          .map((c) => (
            <blockquote key={c.id}>
              <p>{c.body}</p>
              <footer>
                {agentName(model.agents.get(c.author_id), c.author_id)} · {iso(c.created_at)}
              </footer>
            </blockquote>
          ))}
        {!readOnly &&
          (model.graph.agents.length === 0 ? (
            <p>Comments need an agent of this graph as author; this graph has none.</p>
          ) : (
            <form
              onSubmit={(e) => (
                e.preventDefault(),
                comment.trim() &&
                  void actions.addComment(taskId, author, comment.trim()).then(() => setComment(''))
              )}
            >
              <select aria-label="Comment author" value={author} onChange={(e) => setAuthor(e.target.value)}>
                {model.graph.agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {agentName(a, a.id)}
                  </option>
                ))}
              </select>
              <textarea
                aria-label="New comment"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <button type="submit">Add comment</button>
            </form>
          ))}
      </section>
      {!readOnly && task.status !== 'closed' && (
        <form
          aria-label="Close task"
          onSubmit={(e) => (e.preventDefault(), void actions.close(taskId, reason).then(() => setReason('')))}
        >
          <input
            aria-label="Close reason"
            placeholder="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit">Close task</button>
        </form>
      )}
    </aside>
  );
}
