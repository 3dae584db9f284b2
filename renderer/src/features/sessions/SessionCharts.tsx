/** Per-project and per-agent summary of the matching sessions, as two small inline bar charts. */
import type { GroupStats, SessionStats } from '../../../../shared/model/sessions.js';
import { BarChart, type Bar } from '../../components/BarChart.js';
import { formatDuration, formatPercent } from '../../components/format.js';

const toBars = (groups: GroupStats[]): Bar[] =>
  groups.map((g) => ({
    label: g.key,
    value: g.sessions,
    failed: g.failed,
    note: `${g.sessions} · ${formatPercent(g.success_rate)} ok · ${formatDuration(g.median_duration_ms)}`,
  }));

export function SessionCharts({ stats }: { stats: SessionStats | null }) {
  if (!stats) return <div className="summary muted">Summarizing…</div>;
  return (
    <div className="summary" data-testid="sessions-summary">
      <BarChart title="By project (sessions · success · median)" bars={toBars(stats.by_project)} />
      <BarChart title="By agent (sessions · success · median)" bars={toBars(stats.by_agent)} />
    </div>
  );
}
