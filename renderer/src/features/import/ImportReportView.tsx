/**
 * The report at the end of an import: counts per outcome, what was written, then collapsible
 * lists — sources by outcome, rejected sources and lines with their reason (file:line), warnings.
 * Problems start open, long lists of fine sources start closed.
 */
import type { ImportReport } from '../../../../shared/model/imports.js';
import { groupReport, type ReportIssue } from '../../stores/importReport.js';

const STATUS_LABEL = {
  imported: 'Imported',
  replaced: 'Replaced',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
} as const;

function Issues({ items, title, className }: { items: ReportIssue[]; title: string; className: string }) {
  if (items.length === 0) return null;
  return (
    <details className={`import-issues ${className}`} open={items.length <= 20}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul>
        {items.map((i, n) => (
          <li key={n}>
            <span className="mono import-where" title={i.path}>
              {i.where}
            </span>{' '}
            {i.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ImportReportView({ report, what }: { report: ImportReport; what: string }) {
  const view = groupReport(report);
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <h3>
        {view.clean ? '✓' : '⚠'} Imported {what}
      </h3>
      <p className="import-counts">
        {(Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[]).map((s) => (
          <span key={s} className={`import-count status-${s}`} data-status={s}>
            {STATUS_LABEL[s]} <b>{view.counts[s]}</b>
          </span>
        ))}
      </p>
      <p>
        Rows written: <span data-testid="import-written">{view.written}</span>
      </p>
      {view.groups.map((g) => (
        <details
          key={g.status}
          className={`import-group status-${g.status}`}
          open={g.status === 'rejected' || g.sources.length <= 12}
        >
          <summary>
            {STATUS_LABEL[g.status]} ({g.sources.length})
          </summary>
          <ul>
            {g.sources.map((s) => (
              <li key={s.path}>
                <span className="mono" title={s.path}>
                  {s.shown}
                </span>{' '}
                <span className="badge">{s.kind}</span> {s.rows && <span className="muted">{s.rows}</span>}
                {s.reason && <div className="fail import-reason">{s.reason}</div>}
              </li>
            ))}
          </ul>
        </details>
      ))}
      <Issues items={view.rejected} title="Rejected lines and errors" className="fail" />
      <Issues items={view.warnings} title="Warnings" className="warn" />
      {report.sources.length === 0 && report.errors.length === 0 && (
        <p className="muted">Nothing was imported (nothing chosen, or the dialog was cancelled).</p>
      )}
    </section>
  );
}
