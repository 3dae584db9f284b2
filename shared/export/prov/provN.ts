/**
 * PROV-N (https://www.w3.org/TR/prov-n/): `document`, the prefix declarations, one expression per
 * record with every positional argument written (`-` where unknown), `endDocument`.
 */
import type { Attributes, ProvDocument, ProvValue } from './provDocument.js';
import { RELATION_ARGS, TIME_ARGS } from './provDocument.js';

/** A PROV-N string literal: `"` and `\` escaped, line breaks as escapes. */
export function provNString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function literal(v: ProvValue): string {
  if (typeof v === 'string') return provNString(v);
  if (typeof v === 'boolean') return `${provNString(String(v))} %% xsd:boolean`;
  if (typeof v === 'number') {
    return Number.isInteger(v) ? String(v) : `${provNString(String(v))} %% xsd:double`;
  }
  if (v.type === 'prov:QUALIFIED_NAME') return `'${v.$}'`;
  return `${provNString(v.$)} %% ${v.type}`;
}

function attributeList(attrs: Attributes): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${k}=${literal(one)}`);
  }
  return parts.length ? `, [${parts.join(', ')}]` : '';
}

/** An xsd:dateTime written bare, as PROV-N's time positions take it. */
function time(iso: string | null | undefined): string {
  return iso ? iso : '-';
}

export function toProvN(doc: ProvDocument): string {
  const lines = ['document'];
  for (const [p, iri] of Object.entries(doc.prefixes)) {
    if (p === 'prov' || p === 'xsd') continue; // predefined in PROV-N
    lines.push(`  prefix ${p} <${iri}>`);
  }
  if (Object.keys(doc.prefixes).length > 2) lines.push('');
  for (const e of doc.entities) lines.push(`  entity(${e.id}${attributeList(e.attrs)})`);
  for (const a of doc.activities) {
    lines.push(`  activity(${a.id}, ${time(a.startTime)}, ${time(a.endTime)}${attributeList(a.attrs)})`);
  }
  for (const g of doc.agents) lines.push(`  agent(${g.id}${attributeList(g.attrs)})`);
  for (const r of doc.relations) {
    const args = RELATION_ARGS[r.kind].map((name) => {
      const v = r.args[name];
      return TIME_ARGS.has(name) ? time(v) : (v ?? '-');
    });
    // Relation ids are blank nodes: PROV-N makes the id optional, so none is written.
    lines.push(`  ${r.kind}(${args.join(', ')}${attributeList(r.attrs)})`);
  }
  lines.push('endDocument');
  return lines.join('\n') + '\n';
}
