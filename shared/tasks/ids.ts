/**
 * Identifiers `<namespace>--<uuid>` (§6): parsing exactly as the reference (google/uuid v1.6.0),
 * monotonic UUIDv7 generation, and the namespace derived from a git remote. Clock and randomness
 * are injected so this module stays pure.
 */

export class InvalidIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidIdError';
  }
}

export interface ParsedId {
  namespace: string;
  /** Lowercase canonical 8-4-4-4-12. */
  uuid: string;
}

/** Splits on the RIGHTMOST `--`; the namespace must not be empty; the rest must parse as a uuid. */
export function parseId(raw: string): ParsedId {
  const sep = raw.lastIndexOf('--');
  if (sep < 0) throw new InvalidIdError(`invalid id '${raw}': no '--' separator`);
  const namespace = raw.slice(0, sep);
  if (namespace === '') throw new InvalidIdError(`invalid id '${raw}': empty namespace`);
  try {
    return { namespace, uuid: formatUuid(parseUuid(raw.slice(sep + 2))) };
  } catch (e) {
    throw new InvalidIdError(`invalid id '${raw}': ${(e as Error).message}`);
  }
}

/** The normalised spelling of an id (lowercase canonical uuid), or an InvalidIdError. */
export function canonicalId(raw: string): string {
  const { namespace, uuid } = parseId(raw);
  return `${namespace}--${uuid}`;
}

export function isValidId(raw: string): boolean {
  try {
    parseId(raw);
    return true;
  } catch {
    return false;
  }
}

export function formatId(namespace: string, uuid: Uint8Array | string): string {
  return `${namespace}--${typeof uuid === 'string' ? uuid : formatUuid(uuid)}`;
}

const HYPHENS = [8, 13, 18, 23];
const PAIRS_36 = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/**
 * google/uuid `Parse`: by length, 36 canonical (either case), 38 = one ASCII character + 36 + one
 * ASCII character (unchecked, meant for braces), 45 = `urn:uuid:` (any case) + 36, 32 bare hex.
 * Version and variant are not checked.
 */
export function parseUuid(s: string): Uint8Array {
  let body: string;
  switch (s.length) {
    case 36:
      body = s;
      break;
    case 38:
      // Go measures bytes: a non-ASCII wrapper would make the byte length differ from 38.
      if (s.charCodeAt(0) > 0x7f || s.charCodeAt(37) > 0x7f) throw new Error('invalid UUID length: 38');
      body = s.slice(1, 37);
      break;
    case 45:
      if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:')
        throw new Error(`invalid urn prefix: ${s.slice(0, 9)}`);
      body = s.slice(9);
      break;
    case 32:
      return hexBytes(
        s,
        Array.from({ length: 16 }, (_, i) => i * 2),
      );
    default:
      throw new Error(`invalid UUID length: ${utf8Length(s)}`);
  }
  for (const h of HYPHENS) if (body[h] !== '-') throw new Error('invalid UUID format');
  return hexBytes(body, PAIRS_36);
}

function hexBytes(s: string, offsets: readonly number[]): Uint8Array {
  const out = new Uint8Array(16);
  offsets.forEach((o, i) => {
    const hi = hexDigit(s.charCodeAt(o));
    const lo = hexDigit(s.charCodeAt(o + 1));
    if (hi < 0 || lo < 0) throw new Error('invalid UUID format');
    out[i] = (hi << 4) | lo;
  });
  return out;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export function formatUuid(b: Uint8Array): string {
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface UuidV7Source {
  /** Unix epoch nanoseconds (the reference uses `time.Now().UnixNano()`). */
  nowNs: () => bigint;
  /** `n` random bytes. */
  randomBytes: (n: number) => Uint8Array;
}

/**
 * A UUIDv7 generator as google/uuid v1.6.0: 48 bits of milliseconds, then 12 bits `seq` =
 * (nanoseconds within the millisecond) >> 8, random rest, variant 10. Process-monotonic: a value
 * `(ms << 12) + seq` that does not increase becomes the previous one + 1.
 */
export function createUuidV7Generator(source: UuidV7Source): () => string {
  let last = -1n;
  return () => {
    const ns = source.nowNs();
    const ms = ns / 1_000_000n;
    let t = (ms << 12n) + ((ns - ms * 1_000_000n) >> 8n);
    if (t <= last) t = last + 1n;
    last = t;
    const b = new Uint8Array(16);
    b.set(source.randomBytes(16).subarray(0, 16));
    const milli = t >> 12n;
    for (let i = 0; i < 6; i++) b[i] = Number((milli >> BigInt(8 * (5 - i))) & 0xffn);
    b[6] = 0x70 | Number((t >> 8n) & 0x0fn);
    b[7] = Number(t & 0xffn);
    b[8] = (b[8]! & 0x3f) | 0x80;
    return formatUuid(b);
  };
}

/**
 * `FromGitRemote` (§6.3): the namespace a git remote URL stands for. Rules apply first-match;
 * then one trailing `.git` is removed. Empty input is an error.
 */
export function fromGitRemote(url: string): string {
  const s = url.trim();
  if (s === '') throw new InvalidIdError('empty git remote URL');
  let out: string;
  if (s.startsWith('ssh://')) {
    const rest = s.slice('ssh://'.length);
    out = `https://${rest.slice(rest.indexOf('@') + 1)}`;
  } else if (s.startsWith('git://')) {
    out = `https://${s.slice('git://'.length)}`;
  } else if (s.includes('@') && s.includes(':') && !s.includes('://')) {
    const host = s.slice(s.indexOf('@') + 1);
    out = `https://${host.replace(':', '/')}`;
  } else if (s.startsWith('http://')) {
    out = `https://${s.slice('http://'.length)}`;
  } else {
    out = s;
  }
  return out.endsWith('.git') ? out.slice(0, -4) : out;
}

/**
 * Sorts in place in UTF-8 byte order. Without any unit >= U+D800 the UTF-16 order of the native
 * sort is the same order, and much faster than a comparator, so that is the common path.
 */
export function sortUtf8<T extends string>(list: T[]): T[] {
  return list.some((s) => HIGH_UNITS.test(s)) ? list.sort(compareUtf8) : list.sort();
}

const HIGH_UNITS = /[\ud800-\uffff]/;

/** Code-point (= UTF-8 byte) order, as SQLite's BINARY collation orders TEXT. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

// UTF-16 order puts U+E000..U+FFFF above surrogates; code-point order puts them below.
function fixup(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c;
}
