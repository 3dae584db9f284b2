/**
 * Time as the reference writes it: naive UTC, Python `datetime.isoformat()` (microseconds, the
 * fraction omitted when it is zero). JavaScript clocks give milliseconds; the sub-millisecond part
 * comes from the monotonic clock, and readings never go backwards within a process.
 */
export interface Instant {
  /** Microseconds since the Unix epoch (UTC). */
  readonly micros: number;
}

let last = 0;

export function now(): Instant {
  const sub = Math.floor((performance.now() % 1) * 1000);
  const candidate = Date.now() * 1000 + sub;
  last = Math.max(last + 1, candidate);
  return { micros: last };
}

export function instantFromDate(date: Date): Instant {
  return { micros: date.getTime() * 1000 };
}

/** `YYYY-MM-DDTHH:MM:SS[.ffffff]` (naive UTC, no `Z`), as Python's `isoformat()`. */
export function pyIso(t: Instant): string {
  const ms = Math.floor(t.micros / 1000);
  const micro = t.micros - ms * 1000 + (ms % 1000) * 1000;
  const base = new Date(ms).toISOString().slice(0, 19);
  return micro === 0 ? base : `${base}.${String(micro).padStart(6, '0')}`;
}

/** The session folder name: `strftime("%Y-%m-%d-%H-%M")` of the UTC time. */
export function minuteFolderName(t: Instant): string {
  const iso = new Date(Math.floor(t.micros / 1000)).toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}`;
}

/** `int((end - start).total_seconds() * 1000)`: truncated milliseconds. */
export function elapsedMs(start: Instant, end: Instant): number {
  return Math.trunc((end.micros - start.micros) / 1000);
}
