/**
 * The essential PROV-JSON rules (W3C PROV-JSON submission) and PROV-N sanity, as checks that
 * return the problems found: top-level keys, prefixes, identifiers declared before relations use
 * them, `prov:type` values typed as qualified names, relation argument names per kind.
 */
const ELEMENT_KEYS = ['entity', 'activity', 'agent'];
const RELATION_KEYS: Record<string, string[]> = {
  used: ['prov:activity', 'prov:entity', 'prov:time'],
  wasGeneratedBy: ['prov:entity', 'prov:activity', 'prov:time'],
  wasAssociatedWith: ['prov:activity', 'prov:agent', 'prov:plan'],
  wasAttributedTo: ['prov:entity', 'prov:agent'],
  wasDerivedFrom: [
    'prov:generatedEntity',
    'prov:usedEntity',
    'prov:activity',
    'prov:generation',
    'prov:usage',
  ],
  wasInformedBy: ['prov:informed', 'prov:informant'],
  wasInfluencedBy: ['prov:influencee', 'prov:influencer'],
};
const REQUIRED: Record<string, string[]> = {
  used: ['prov:activity'],
  wasGeneratedBy: ['prov:entity'],
  wasAssociatedWith: ['prov:activity'],
  wasAttributedTo: ['prov:entity', 'prov:agent'],
  wasDerivedFrom: ['prov:generatedEntity', 'prov:usedEntity'],
  wasInformedBy: ['prov:informed', 'prov:informant'],
  wasInfluencedBy: ['prov:influencee', 'prov:influencer'],
};
const QNAME = /^([A-Za-z_][A-Za-z0-9_.-]*):([A-Za-z0-9_%-][A-Za-z0-9_.%-]*)$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function provJsonProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(doc)) return ['not an object'];
  for (const k of Object.keys(doc)) {
    if (k !== 'prefix' && !ELEMENT_KEYS.includes(k) && !(k in RELATION_KEYS))
      problems.push(`unknown top-level key ${k}`);
  }
  const prefix = doc.prefix;
  if (!isObj(prefix)) return [...problems, 'no prefix object'];
  const declared = new Set(Object.keys(prefix));
  for (const [p, iri] of Object.entries(prefix)) {
    if (typeof iri !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(iri))
      problems.push(`prefix ${p}: not an IRI`);
  }
  const checkName = (name: string, at: string): void => {
    const m = QNAME.exec(name);
    if (!m) problems.push(`${at}: ${name} is not a qualified name`);
    else if (!declared.has(m[1]!)) problems.push(`${at}: prefix ${m[1]} of ${name} is not declared`);
  };
  const ids = new Set<string>();
  for (const kind of ELEMENT_KEYS) {
    const section = doc[kind];
    if (section === undefined) continue;
    if (!isObj(section)) {
      problems.push(`${kind}: not an object`);
      continue;
    }
    for (const [id, attrs] of Object.entries(section)) {
      checkName(id, kind);
      ids.add(id);
      if (!isObj(attrs)) problems.push(`${kind} ${id}: attributes not an object`);
      else checkAttributes(attrs, `${kind} ${id}`);
    }
  }
  function checkAttributes(attrs: Obj, at: string): void {
    for (const [k, v] of Object.entries(attrs)) {
      checkName(k, `${at} attribute`);
      for (const one of Array.isArray(v) ? v : [v]) {
        if (isObj(one)) {
          if (typeof one.$ !== 'string' || typeof one.type !== 'string')
            problems.push(`${at} ${k}: typed value without $ and type`);
          else {
            checkName(one.type, `${at} ${k} type`);
            if (one.type === 'prov:QUALIFIED_NAME') checkName(one.$, `${at} ${k} value`);
          }
        } else if (!['string', 'number', 'boolean'].includes(typeof one))
          problems.push(`${at} ${k}: bad value`);
        if (k === 'prov:type' && !(isObj(one) && one.type === 'prov:QUALIFIED_NAME')) {
          problems.push(`${at}: prov:type value not typed prov:QUALIFIED_NAME`);
        }
      }
    }
  }
  for (const [kind, argNames] of Object.entries(RELATION_KEYS)) {
    const section = doc[kind];
    if (section === undefined) continue;
    if (!isObj(section)) {
      problems.push(`${kind}: not an object`);
      continue;
    }
    for (const [id, rec] of Object.entries(section)) {
      if (!isObj(rec)) {
        problems.push(`${kind} ${id}: not an object`);
        continue;
      }
      for (const req of REQUIRED[kind]!)
        if (rec[req] === undefined) problems.push(`${kind} ${id}: missing ${req}`);
      const attrs: Obj = {};
      for (const [k, v] of Object.entries(rec)) {
        if (!argNames.includes(k)) attrs[k] = v;
        else if (k === 'prov:time') {
          if (!isObj(v) || v.type !== 'xsd:dateTime')
            problems.push(`${kind} ${id}: prov:time not an xsd:dateTime`);
        } else if (typeof v !== 'string') problems.push(`${kind} ${id}: ${k} not an identifier`);
        else if (!ids.has(v)) problems.push(`${kind} ${id}: ${k} ${v} is not declared`);
      }
      checkAttributes(attrs, `${kind} ${id}`);
    }
  }
  return problems;
}

const STATEMENT =
  /^ {2}(entity|activity|agent|used|wasGeneratedBy|wasAssociatedWith|wasAttributedTo|wasDerivedFrom|wasInformedBy|wasInfluencedBy)\((.*)\)$/;

/** PROV-N sanity: framing, one known expression per line, balanced brackets, declared prefixes. */
export function provNProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines[0] !== 'document') problems.push('does not start with document');
  if (lines.at(-2) !== 'endDocument' || lines.at(-1) !== '') problems.push('does not end with endDocument');
  const declared = new Set(['prov', 'xsd']);
  for (const line of lines.slice(1, -2)) {
    const p = /^ {2}prefix ([A-Za-z_][\w.-]*) <([^<>"\s]+)>$/.exec(line);
    if (p) {
      declared.add(p[1]!);
      continue;
    }
    if (line === '') continue;
    const m = STATEMENT.exec(line);
    if (!m) {
      problems.push(`not a PROV-N expression: ${line.slice(0, 80)}`);
      continue;
    }
    // Outside string literals: brackets balance and every qualified name has a declared prefix.
    const bare = m[2]!
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/\b\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?/g, 'TIME');
    let depth = 0;
    for (const c of bare) {
      if (c === '[' || c === '(') depth++;
      if (c === ']' || c === ')') depth--;
      if (depth < 0) break;
    }
    if (depth !== 0) problems.push(`unbalanced brackets: ${line.slice(0, 80)}`);
    for (const q of bare.matchAll(/'?([A-Za-z_][\w.-]*):[A-Za-z0-9_%-]/g)) {
      if (!declared.has(q[1]!) && !/^\d/.test(q[1]!))
        problems.push(`undeclared prefix ${q[1]} in ${line.slice(0, 60)}`);
    }
  }
  return problems;
}
