import type { JsonObject, JsonValue } from '../../../shared/model/json.js';

/**
 * A parser for the block YAML that PyYAML's `yaml.dump` writes (generated manifests): nested
 * block mappings and sequences, one-line plain, single- and double-quoted scalars, `[]` and `{}`.
 * It returns exactly what the `yaml` package returns (`parseDocument(text, { version: '1.2',
 * schema: 'core' }).toJS()`), or null for anything else — comments, block and multi-line
 * scalars, flow collections with items, anchors, tags, documents markers, duplicate keys, tabs —
 * which then goes to the full parser. Why: 10,000 manifests took the full parser 13 s of a
 * 10,000-session import; this takes a tenth of that. test/unit/.../fastYaml.test.ts checks it
 * against the full parser on every fixture, a generated corpus and mutated copies of them.
 */
export function parseSimpleYaml(text: string): JsonObject | null {
  if (text.includes('\r') || text.includes('\t')) return null;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    const body = raw.slice(indent).trimEnd();
    if (body.startsWith('#') || body.startsWith('---') || body.startsWith('...') || body.startsWith('%'))
      return null;
    lines.push({ indent, body });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return null;
  try {
    const p = new Parser(lines);
    const value = p.block(0);
    if (p.i !== lines.length || !isMap(value)) return null;
    return value;
  } catch (e) {
    if (e === UNSUPPORTED) return null;
    throw e;
  }
}

interface Line {
  indent: number;
  body: string;
}

const UNSUPPORTED = new Error('not simple YAML');
const fail = (): never => {
  throw UNSUPPORTED;
};

const isMap = (v: JsonValue): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Characters a plain scalar may not start with (YAML indicators). */
const INDICATORS = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);

class Parser {
  i = 0;
  constructor(private readonly lines: Line[]) {}

  /** The node whose lines start at the current line, indented `indent`. */
  block(indent: number): JsonValue {
    const l = this.lines[this.i];
    if (!l || l.indent !== indent) return fail();
    return isSeqItem(l.body) ? this.seq(indent) : this.map(indent);
  }

  private map(indent: number): JsonObject {
    const out: JsonObject = {};
    const seen = new Set<string>();
    for (;;) {
      const l = this.lines[this.i];
      if (!l || l.indent < indent) break;
      if (l.indent > indent || isSeqItem(l.body)) return fail();
      const colon = l.body.indexOf(':');
      if (colon <= 0) return fail();
      const key = l.body.slice(0, colon);
      const after = l.body.slice(colon + 1);
      if (!KEY.test(key) || NULL.test(key) || BOOL.test(key) || key === '__proto__') return fail();
      if (after !== '' && !after.startsWith(' ')) return fail();
      if (seen.has(key)) return fail();
      seen.add(key);
      this.i++;
      const rest = after.trim();
      out[key] = rest === '' ? this.nested(indent, true) : this.scalarLine(rest, indent);
    }
    return out;
  }

  private seq(indent: number): JsonValue[] {
    const out: JsonValue[] = [];
    for (;;) {
      const l = this.lines[this.i];
      if (!l || l.indent < indent) break;
      if (l.indent > indent || !isSeqItem(l.body)) {
        // A mapping key at this indent ends an indentless sequence (PyYAML's `key:\n- item`).
        if (l.indent === indent) break;
        return fail();
      }
      const rest = l.body === '-' ? '' : l.body.slice(2).trimStart();
      if (rest === '') {
        this.i++;
        out.push(this.nested(indent, false));
      } else if (isSeqItem(rest)) {
        return fail();
      } else if (looksLikeEntry(rest)) {
        // `- key: value` then `  key2: value`: a mapping whose first line follows the dash.
        const inner = indent + (l.body.length - rest.length);
        this.lines[this.i] = { indent: inner, body: rest };
        out.push(this.map(inner));
      } else {
        this.i++;
        out.push(this.scalarLine(rest, indent));
      }
    }
    return out;
  }

  /** The value of `key:` or `-` with nothing after it: a block below, an indentless sequence, or null. */
  private nested(indent: number, inMap: boolean): JsonValue {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return this.block(next.indent);
    if (inMap && next && next.indent === indent && isSeqItem(next.body)) return this.seq(indent);
    return null;
  }

  /** A one-line scalar; the next line must not continue it. */
  private scalarLine(text: string, indent: number): JsonValue {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return fail();
    return scalar(text);
  }
}

const isSeqItem = (body: string): boolean => body === '-' || body.startsWith('- ');

/** `key: ...` or `key:` (a plain key followed by a colon and a space or the end). */
function looksLikeEntry(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon <= 0) return false;
  const after = text[colon + 1];
  return (after === undefined || after === ' ') && KEY.test(text.slice(0, colon));
}

function scalar(text: string): JsonValue {
  const c = text[0]!;
  if (c === "'") return singleQuoted(text);
  if (c === '"') return doubleQuoted(text);
  if (text === '[]') return [];
  if (text === '{}') return {};
  if (INDICATORS.has(c) && !(c === '-' && text.length > 1 && text[1] !== ' ')) return fail();
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return fail();
  return resolvePlain(text);
}

/** The core schema's resolution of a plain scalar, test for test as the `yaml` package does it. */
function resolvePlain(s: string): JsonValue {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return fail(); // NaN and infinities: left to the full parser

  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

function singleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith("'")) return fail();
  const inner = text.slice(1, -1);
  // Inside, a quote is written twice; a lone one would end the scalar early.
  if (inner.replace(/''/g, '').includes("'")) return fail();
  return inner.replace(/''/g, "'");
}

function doubleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith('"')) return fail();
  // Escapes JSON shares with YAML only (YAML also has \x, \U, \e, \N, \_ ...).
  if (/\\[^"\\/bfnrtu]/.test(text)) return fail();
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' ? v : fail();
  } catch {
    return fail();
  }
}
