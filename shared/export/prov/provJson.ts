/**
 * PROV-JSON (W3C member submission, https://www.w3.org/Submission/prov-json/): one object with
 * `prefix`, then one object per record kind keyed by identifier. Typed values are
 * `{"$": text, "type": qname}`; relations are keyed by blank-node ids.
 */
import type { Attributes, ProvDocument, ProvValue } from './provDocument.js';
import { dateTime, TIME_ARGS } from './provDocument.js';

type JsonOut = string | number | boolean | { $: string; type: string } | JsonOut[] | { [k: string]: JsonOut };

function value(v: ProvValue): JsonOut {
  if (typeof v === 'number' && !Number.isInteger(v)) return { $: String(v), type: 'xsd:double' };
  return typeof v === 'object' ? { $: v.$, type: v.type } : v;
}

function attributes(attrs: Attributes): Record<string, JsonOut> {
  const out: Record<string, JsonOut> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = Array.isArray(v) ? v.map(value) : value(v);
  return out;
}

export function toProvJsonObject(doc: ProvDocument): Record<string, JsonOut> {
  const out: Record<string, Record<string, JsonOut>> = { prefix: { ...doc.prefixes } };
  const section = (name: string): Record<string, JsonOut> => (out[name] ??= {});
  for (const e of doc.entities) section('entity')[e.id] = attributes(e.attrs);
  for (const a of doc.activities) {
    const rec: Record<string, JsonOut> = {};
    if (a.startTime) rec['prov:startTime'] = value(dateTime(a.startTime));
    if (a.endTime) rec['prov:endTime'] = value(dateTime(a.endTime));
    section('activity')[a.id] = { ...rec, ...attributes(a.attrs) };
  }
  for (const g of doc.agents) section('agent')[g.id] = attributes(g.attrs);
  for (const r of doc.relations) {
    const rec: Record<string, JsonOut> = {};
    for (const [k, v] of Object.entries(r.args)) {
      if (v === undefined) continue;
      rec[k] = TIME_ARGS.has(k) ? value(dateTime(v)) : v;
    }
    section(r.kind)[r.id] = { ...rec, ...attributes(r.attrs) };
  }
  return out;
}

/** The document as PROV-JSON text (2-space indent, trailing newline). */
export function toProvJson(doc: ProvDocument): string {
  return JSON.stringify(toProvJsonObject(doc), null, 2) + '\n';
}
