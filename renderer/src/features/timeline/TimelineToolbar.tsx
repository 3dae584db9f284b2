/** Above the timeline: the way back, what session this is, and the zoom controls. */
import type { TimelineLane } from '../../../../shared/model/timeline.js';
import { formatDuration, formatOffset } from '../../components/format.js';
import type { TimeRange } from '../../stores/timeScale.js';

export interface TimelineToolbarProps {
  /** The root lane; absent until the overview lands. */
  root: TimelineLane | undefined;
  spanMs: number;
  range: TimeRange;
  backHref: string;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
}

export function TimelineToolbar({
  root,
  spanMs,
  range,
  backHref,
  onZoomIn,
  onZoomOut,
  onFit,
}: TimelineToolbarProps) {
  const zoom = Math.max(1, spanMs) / Math.max(1e-9, range.to - range.from);
  return (
    <div className="timeline-toolbar">
      <a href={backHref}>← Sessions</a>
      <span className="title" title={root?.query}>
        <strong>{root?.agent_type}</strong> <span className="muted">{root?.query}</span>
      </span>
      <span className="muted" data-testid="visible-range">
        {formatOffset(range.from)} – {formatOffset(range.to)} ({formatDuration(range.to - range.from)})
      </span>
      <span className="muted" data-testid="zoom-level">
        ×{zoom < 10 ? zoom.toFixed(1) : Math.round(zoom)}
      </span>
      <button type="button" onClick={onZoomOut} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={onZoomIn} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={onFit} aria-label="Fit the whole session">
        Fit
      </button>
    </div>
  );
}
