/**
 * A refused edge's cycle, by task title: the proposed "waits for" first (dashed in the graph),
 * then the existing blocked-by edges that lead back to where it started. The graph draws the same
 * path in red; the service's message (with raw ids) stays available as the tooltip.
 */
import type { GraphModel } from './graphModel.js';

export function CycleNotice({
  model,
  path,
  message,
}: {
  model: GraphModel;
  path: readonly string[];
  message: string | null;
}) {
  const title = (id: string) => model.index.tasks.get(id)?.title ?? id;
  return (
    <div title={message ?? undefined}>
      <strong>Refused: that edge would close a cycle.</strong>{' '}
      <span className="muted">
        “{title(path[0]!)}” would wait for “{title(path[1]!)}”, which already waits for it:
      </span>
      <ol className="cycle-path" aria-label="Cycle">
        {path.map((id, i) => (
          <li key={`${i}:${id}`} data-task-id={id} className={i === 1 ? 'proposed' : undefined}>
            {title(id)}
          </li>
        ))}
      </ol>
    </div>
  );
}
