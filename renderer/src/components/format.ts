/** Display formatting shared by the views: durations, rates, counts and UTC times. Pure. */

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < 1) return `${Number(ms.toFixed(2))} ms`;
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${Number((ms / 1000).toFixed(abs < 10_000 ? 2 : 1))} s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} m` : `${m} m ${String(s).padStart(2, '0')} s`;
}

export function formatPercent(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(digits)}%`;
}

/** Cache hits over tool calls; a dash when there were no tool calls. */
export function formatHitRate(hits: number, calls: number): string {
  return calls > 0 ? formatPercent(hits / calls) : '—';
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "2026-01-13 16:05:02" (UTC; the workspace stores naive UTC times). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** An axis label relative to the session start: "+1.5 s". */
export function formatOffset(ms: number): string {
  return ms === 0 ? '0' : `+${formatDuration(ms)}`;
}

export function formatSuccess(success: boolean | null): string {
  return success === null ? 'running' : success ? 'ok' : 'failed';
}

/** Pretty JSON for display and copying (2-space indent); undefined shows as null. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}
