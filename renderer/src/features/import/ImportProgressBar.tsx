/** The running import: a bar (indeterminate until the number of files is known) and its counts. */
import { useEffect, useState } from 'react';
import { progressView } from '../../stores/importReport.js';
import { useImportStore } from '../../stores/importStore.js';

export function ImportProgressBar() {
  const progress = useImportStore((s) => s.progress);
  const startedAt = useImportStore((s) => s.startedAt);
  const what = useImportStore((s) => s.what);
  // Re-render now and then so the rate stays current between events.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, []);
  const view = progress ? progressView(progress, Date.now() - startedAt) : null;
  const percent = view?.fraction == null ? undefined : Math.round(view.fraction * 100);
  return (
    <section className="import-progress" aria-label="Import progress" aria-busy="true">
      <p>Importing {what}…</p>
      <div
        className={`import-bar${percent === undefined ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div style={{ width: percent === undefined ? '30%' : `${percent}%` }} />
      </div>
      <p className="mono" data-testid="import-progress-text">
        {view ? view.text : 'Reading…'}
      </p>
      {view?.current && (
        <p className="muted mono import-current" title={view.current}>
          {view.current}
        </p>
      )}
    </section>
  );
}
