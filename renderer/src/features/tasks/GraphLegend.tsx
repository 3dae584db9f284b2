/** What the task graph's colours, borders and highlights mean (the canvas cannot say it itself). */
import { STATUS_COLOURS } from './cyStyle.js';

export function GraphLegend({ selecting }: { selecting: boolean }) {
  return (
    <div className="graph-legend" aria-label="Legend">
      {Object.entries(STATUS_COLOURS).map(([status, colour]) => (
        <span key={status}>
          <i className="swatch" style={{ background: colour }} />
          {status.replace('_', ' ')}
        </span>
      ))}
      <span>
        <i className="swatch ring ready" />
        ready
      </span>
      <span>
        <i className="swatch ring blocked" />
        blocked
      </span>
      <span className="muted">arrow: waits for</span>
      {selecting && (
        <>
          <span>
            <i className="swatch ancestor" />
            what it waits for
          </span>
          <span>
            <i className="swatch descendant" />
            what waits for it
          </span>
        </>
      )}
    </div>
  );
}
