/**
 * A JSON reader that keeps the integer/float kind of numbers, and the byte-exact writer of §3.2
 * (keys sorted by UTF-8 bytes, two-space indent, uppercase `\u00XX`, no trailing newline).
 * `JSON.parse` cannot be used: it turns `1.0` into `1`.
 */
import type { KeptJson, KeptObject } from '../model/chains.js';
import { formatFloat, isKeptNumber } from './numberText.js';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Sets a key without tripping over `__proto__`. */
export function setKey(obj: KeptObject, key: string, value: KeptJson): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Parses JSON text; numbers keep their kind (see `KeptJson`). Duplicate keys: the last wins. */
export function parseKeptJson(text: string): KeptJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(what, i);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i++);
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const s = SIMPLE_ESCAPES[e];
        if (s === undefined) fail('bad escape');
        out += s;
        i += 2;
      }
      start = i;
    }
  };
  const number = (): KeptJson => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('unexpected character');
    const lexeme = m[0];
    i += lexeme.length;
    const value = Number(lexeme);
    if (!/[.eE]/.test(lexeme)) {
      if (Number.isSafeInteger(value)) return value === 0 ? 0 : value;
      return { $number: BigInt(lexeme).toString() };
    }
    if (!Number.isFinite(value)) fail(`number out of range: ${lexeme}`);
    return Number.isInteger(value) ? { $number: formatFloat(value) } : value;
  };
  const value = (depth: number): KeptJson => {
    if (depth > 10000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: KeptObject = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        setKey(obj, key, value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: KeptJson[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    if (i >= text.length) fail('unexpected end of input');
    return number();
  };
  const result = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the value');
  return result;
}

/** Orders strings by UTF-8 bytes, i.e. by code point (JS `<` compares UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate (astral code point) sorts after any BMP unit
    return x - y;
  }
  return a.length - b.length;
}

/** A JSON string literal as §3.2 writes it. */
export function jsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, k);
    start = k + 1;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out + s.slice(start) + '"';
}

function scalarText(v: number): string {
  if (Number.isInteger(v)) return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : BigInt(v).toString();
  return formatFloat(v);
}

/** Writes a value byte-exactly (§3.2); `undefined` members are skipped like JSON.stringify. */
export function writeKeptJson(value: KeptJson, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return scalarText(value);
  if (typeof value === 'string') return jsonString(value);
  if (isKeptNumber(value))
    return /[.eE]/.test(value.$number) ? formatFloat(Number(value.$number)) : value.$number;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + writeKeptJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(compareUtf8);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${writeKeptJson(value[k] as KeptJson, inner)}`).join(',\n')}\n${indent}}`;
}

/** Structural equality of kept JSON (key order ignored, number kind significant). */
export function keptEqual(a: KeptJson, b: KeptJson): boolean {
  return writeKeptJson(a) === writeKeptJson(b);
}
