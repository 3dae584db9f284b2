/**
 * The reference's printed form of values (§1.4), used by the diff text: `nil`, short floats,
 * `~U[...]` timestamps, `[a, b]` lists and quoted, escaped strings (`<<1, 2>>` for unprintable ones).
 */
import { formatFloat } from './numberText.js';

const STRING_LIMIT = 4096;
const LIST_LIMIT = 50;

const ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x08: '\\b',
  0x0c: '\\f',
  0x1b: '\\e',
  0x07: '\\a',
  0x7f: '\\d',
};

function printable(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff) ||
    ESCAPES[cp] !== undefined
  );
}

/** UTF-8 bytes of a string (lone surrogates as U+FFFD, as an encoder would). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

export function inspectString(text: string): string {
  const chars = Array.from(text);
  if (!chars.every((ch) => printable(ch.codePointAt(0) ?? 0))) {
    const bytes = utf8Bytes(text);
    const shown = bytes.slice(0, LIST_LIMIT).map(String);
    if (bytes.length > LIST_LIMIT) shown.push('...');
    return `<<${shown.join(', ')}>>`;
  }
  const cut = chars.length > STRING_LIMIT;
  let body = '';
  for (const ch of cut ? chars.slice(0, STRING_LIMIT) : chars) body += ESCAPES[ch.codePointAt(0) ?? 0] ?? ch;
  body = body.replace(/#\{/g, '\\#{');
  return `"${body}"${cut ? ' <> ...' : ''}`;
}

export function inspectNullableString(text: string | null): string {
  return text === null ? 'nil' : inspectString(text);
}

export function inspectFloat(x: number): string {
  return formatFloat(x);
}

export function inspectList<T>(items: readonly T[], item: (x: T) => string): string {
  const shown = items.slice(0, LIST_LIMIT).map(item);
  if (items.length > LIST_LIMIT) shown.push('...');
  return `[${shown.join(', ')}]`;
}

export function inspectStringList(items: readonly string[]): string {
  return inspectList(items, inspectString);
}
