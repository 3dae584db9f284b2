/**
 * Timestamps -> the naive text the `provenance_*` TIMESTAMP columns receive.
 *
 * - Generated data is naive UTC, with or without `Z` and with 0-9 fraction digits (spec §3):
 *   the `Z` is dropped, the fraction padded or cut to microseconds.
 * - An explicit numeric offset (`+02:00`) is honoured: the value is converted to UTC.
 * - Hand-written manifests write `Z` behind local wall-clock times (spec §3: "never assume
 *   UTC"). We cannot know the real zone, so the digits are stored exactly as written (the `Z`
 *   dropped, no shift); the literal text stays in `provex_session_info.manifest`.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function naiveTimestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac, zone] = m;
  const micros = frac ? frac.padEnd(6, '0').slice(0, 6) : '';
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  const base = `${y}-${mo}-${d} ${h}:${mi}:${s}${micros ? `.${micros}` : ''}`;
  if (!zone || zone === 'Z') return base;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const utc = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s) - offsetMin * 60_000);
  const iso = utc.toISOString().slice(0, 19).replace('T', ' ');
  return micros ? `${iso}.${micros}` : iso;
}

/** Milliseconds between two naive timestamps, truncated like Python's int(), or null. */
export function diffMs(start: string | null, end: string | null): number | null {
  const a = micros(start);
  const b = micros(end);
  return a === null || b === null ? null : Math.trunc((b - a) / 1000);
}

function micros(t: string | null): number | null {
  if (!t) return null;
  const ms = Date.parse(t.replace(' ', 'T') + 'Z');
  if (Number.isNaN(ms)) return null;
  return ms * 1000 + Number((t.split('.')[1] ?? '').padEnd(6, '0').slice(3, 6));
}
