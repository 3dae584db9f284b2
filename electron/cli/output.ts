/** Plain-text renderings of tabular results for the terminal, CSV and JSON. */

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A boxed-free aligned table; long cells are cut so one row stays one line. */
export function formatTable(columns: string[], rows: unknown[][], maxWidth = 60): string {
  const cells = rows.map((r) => r.map((v) => truncate(cellText(v).replace(/\s+/g, ' '), maxWidth)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  return out.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** RFC 4180 CSV: quoted when needed, CRLF-free (LF line ends). */
export function toCsv(columns: string[], rows: unknown[][]): string {
  const esc = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    [columns.map(esc).join(','), ...rows.map((r) => r.map((v) => esc(cellText(v))).join(','))].join('\n') +
    '\n'
  );
}

export function rowsToObjects(columns: string[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
}
