/**
 * Timestamps of §1.3: a UTC instant plus a precision of 0-6 fraction digits that is part of the value.
 * The model keeps the canonical ISO text (`IsoTimestamp`), so equal text means equal instant AND
 * precision; instants are compared through `parseTimestamp`.
 */
import type { IsoTimestamp } from '../model/chains.js';

export interface Timestamp {
  /** Whole seconds since the Unix epoch (floored). */
  seconds: number;
  /** 0..999999, a multiple of 10^(6-precision). */
  micros: number;
  /** 0..6 fraction digits. */
  precision: number;
}

// YYYY-MM-DD, T or space, HH:MM:SS, optional fraction after . or , then Z or +HH:MM / +HHMM / +HH.
const ACCEPTED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (no Date object: years 0-99 stay themselves). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Parses every accepted form; null for anything rejected (no offset, `-00:00`, lowercase t/z, ...). */
export function parseTimestamp(text: string): Timestamp | null {
  const m = ACCEPTED.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetSeconds = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 23 || om > 59) return null;
    if (m[9] === '-' && oh === 0 && om === 0) return null; // -00:00 means "offset unknown": rejected
    offsetSeconds = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const fraction = (m[7] ?? '').slice(0, 6);
  const micros = fraction === '' ? 0 : Number(fraction.padEnd(6, '0'));
  const seconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return { seconds, micros, precision: fraction.length };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function format(ts: Timestamp, separator: string): string {
  const days = Math.floor(ts.seconds / 86400);
  const secOfDay = ts.seconds - days * 86400;
  const [y, mo, d] = civilFromDays(days);
  const time = `${pad(Math.floor(secOfDay / 3600), 2)}:${pad(Math.floor(secOfDay / 60) % 60, 2)}:${pad(secOfDay % 60, 2)}`;
  const fraction = ts.precision > 0 ? '.' + pad(ts.micros, 6).slice(0, ts.precision) : '';
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${separator}${time}${fraction}Z`;
}

/** `2025-01-15T10:30:00.123456Z` (JSON, CSV). */
export function toIso(ts: Timestamp): IsoTimestamp {
  return format(ts, 'T');
}

/** Canonical ISO text of any accepted form, or null when rejected. */
export function normalizeTimestamp(text: string): IsoTimestamp | null {
  const ts = parseTimestamp(text);
  return ts ? toIso(ts) : null;
}

function mustParse(iso: IsoTimestamp): Timestamp {
  const ts = parseTimestamp(iso);
  if (!ts) throw new RangeError(`not a timestamp: ${iso}`);
  return ts;
}

/** `2025-01-15 10:30:00.123456Z` (markdown, HTML). */
export function displayTimestamp(iso: IsoTimestamp): string {
  return format(mustParse(iso), ' ');
}

/** `~U[2025-01-15 10:30:00.123456Z]` (diff text). */
export function inspectTimestamp(iso: IsoTimestamp): string {
  return `~U[${displayTimestamp(iso)}]`;
}

/** Orders by instant only (`...00Z` and `...00.000Z` compare equal). */
export function compareInstants(a: IsoTimestamp, b: IsoTimestamp): number {
  const x = mustParse(a);
  const y = mustParse(b);
  return x.seconds - y.seconds || x.micros - y.micros;
}

/** Whole Unix seconds, sub-second part dropped (the reference's truncation, §2.4). */
export function unixSeconds(iso: IsoTimestamp): number {
  return mustParse(iso).seconds;
}

/** Whole Unix milliseconds, sub-millisecond part dropped (viewer timeline, §11). */
export function unixMillis(iso: IsoTimestamp): number {
  const ts = mustParse(iso);
  return ts.seconds * 1000 + Math.floor(ts.micros / 1000);
}

interface ClockGlobals {
  performance?: { timeOrigin: number; now(): number };
}

/** "Now" with 6 digits, from the high-resolution clock where there is one. */
export function nowTimestamp(): IsoTimestamp {
  const perf = (globalThis as unknown as ClockGlobals).performance;
  const micros = Math.floor(perf ? (perf.timeOrigin + perf.now()) * 1000 : Date.now() * 1000);
  return toIso({ seconds: Math.floor(micros / 1e6), micros: micros % 1e6, precision: 6 });
}
