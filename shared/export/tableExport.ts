/**
 * Any list or query result as CSV or JSON: columns by name, rows as arrays. CSV is RFC 4180 with
 * LF line ends, objects and arrays written as JSON text; JSON is an array of row objects.
 */
export interface TableData {
  columns: readonly { name: string; type?: string }[];
  rows: readonly (readonly unknown[])[];
}

export function tableCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function csvEscape(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header, then one line per row; ends with a newline. */
export function tableToCsv(t: TableData): string {
  const lines = [t.columns.map((c) => csvEscape(c.name)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((_, i) => csvEscape(tableCell(r[i]))).join(','));
  return lines.join('\n') + '\n';
}

/** Row objects keyed by column name (a repeated name keeps its first column: `x`, then `x_2`). */
export function tableToObjects(t: TableData): Record<string, unknown>[] {
  const seen = new Map<string, number>();
  const keys = t.columns.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}_${n}`;
  });
  return t.rows.map((r) => {
    const o: Record<string, unknown> = {};
    keys.forEach((k, i) => (o[k] = r[i] ?? null));
    return o;
  });
}

export function tableToJson(t: TableData): string {
  return JSON.stringify(tableToObjects(t), null, 2) + '\n';
}
