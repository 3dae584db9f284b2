/**
 * A W3C PROV document as plain data (PROV-DM): namespaces, entities, activities, agents and
 * relations, built with `ProvBuilder` and serialized by `provJson.ts` and `provN.ts`. Identifiers
 * are qualified names `prefix:local`; local parts are minted from stored ids by percent-encoding
 * (`localName`), since task ids like `aura--<uuid>` or free text are not valid names (§11 of the Go
 * tracker spec: "mint base IRI + percent-encoded full ID and keep the ID as a literal").
 */

/** A typed literal (`{"$": "2026-01-13T16:05:00Z", "type": "xsd:dateTime"}` in PROV-JSON). */
export interface TypedValue {
  $: string;
  type: string;
}

export type ProvValue = string | number | boolean | TypedValue;
export type Attributes = Record<string, ProvValue | ProvValue[]>;

export const qn = (name: string): TypedValue => ({ $: name, type: 'prov:QUALIFIED_NAME' });
export const dateTime = (iso: string): TypedValue => ({ $: iso, type: 'xsd:dateTime' });
export const double = (n: number): TypedValue => ({ $: String(n), type: 'xsd:double' });

/** The PROV relations we write, with their argument names in PROV-N's positional order. */
export const RELATION_ARGS = {
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
} as const;

export type RelationKind = keyof typeof RELATION_ARGS;
/** Arguments that hold a time (an `xsd:dateTime`) rather than an identifier. */
export const TIME_ARGS = new Set(['prov:time']);

export interface ProvElement {
  id: string;
  attrs: Attributes;
}

export interface ProvActivity extends ProvElement {
  startTime: string | null;
  endTime: string | null;
}

export interface ProvRelation {
  kind: RelationKind;
  /** A blank-node id, `_:wgb3`. */
  id: string;
  args: Partial<Record<string, string>>;
  attrs: Attributes;
}

export interface ProvDocument {
  /** prefix -> namespace IRI, `prov` and `xsd` included. */
  prefixes: Record<string, string>;
  entities: ProvElement[];
  activities: ProvActivity[];
  agents: ProvElement[];
  relations: ProvRelation[];
}

export const PROV_NS = 'http://www.w3.org/ns/prov#';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema#';

/** A stored id as the local part of a qualified name: everything but `[A-Za-z0-9_-]` percent-encoded. */
export function localName(id: string): string {
  // encodeURIComponent gives UTF-8 percent-encoding; it leaves `.!~*'()` as they are, so those too.
  const wellFormed = id.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  const out = encodeURIComponent(wellFormed).replace(
    /[.!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return out || '_';
}

const BLANK_PREFIX: Record<RelationKind, string> = {
  used: 'u',
  wasGeneratedBy: 'g',
  wasAssociatedWith: 'assoc',
  wasAttributedTo: 'attr',
  wasDerivedFrom: 'der',
  wasInformedBy: 'inf',
  wasInfluencedBy: 'infl',
};

/** Collects a document; elements added twice merge their attributes (first value of a key wins). */
export class ProvBuilder {
  private readonly prefixes: Record<string, string> = { prov: PROV_NS, xsd: XSD_NS };
  private readonly entities = new Map<string, ProvElement>();
  private readonly activities = new Map<string, ProvActivity>();
  private readonly agents = new Map<string, ProvElement>();
  private readonly relations: ProvRelation[] = [];
  private readonly relationKeys = new Set<string>();
  private blank = 0;

  prefix(prefix: string, iri: string): this {
    this.prefixes[prefix] = iri;
    return this;
  }

  /** `prefix:localName(id)`; the prefix must have been declared. */
  id(prefix: string, raw: string): string {
    if (!(prefix in this.prefixes)) throw new Error(`undeclared PROV prefix: ${prefix}`);
    return `${prefix}:${localName(raw)}`;
  }

  entity(id: string, attrs: Attributes = {}): string {
    merge(this.entities, id, attrs, () => ({ id, attrs: {} }));
    return id;
  }

  activity(id: string, startTime: string | null, endTime: string | null, attrs: Attributes = {}): string {
    const a = merge(this.activities, id, attrs, () => ({ id, attrs: {}, startTime, endTime }));
    a.startTime ??= startTime;
    a.endTime ??= endTime;
    return id;
  }

  agent(id: string, attrs: Attributes = {}): string {
    merge(this.agents, id, attrs, () => ({ id, attrs: {} }));
    return id;
  }

  /** Adds a relation once: the same kind with the same arguments is not repeated. */
  relation(kind: RelationKind, args: Partial<Record<string, string | null>>, attrs: Attributes = {}): void {
    const clean: Partial<Record<string, string>> = {};
    for (const [k, v] of Object.entries(args)) if (v !== null && v !== undefined) clean[k] = v;
    const key = `${kind}\u0000${JSON.stringify(clean)}`;
    if (this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push({ kind, id: `_:${BLANK_PREFIX[kind]}${++this.blank}`, args: clean, attrs });
  }

  build(): ProvDocument {
    return {
      prefixes: { ...this.prefixes },
      entities: [...this.entities.values()],
      activities: [...this.activities.values()],
      agents: [...this.agents.values()],
      relations: [...this.relations],
    };
  }
}

function merge<T extends ProvElement>(map: Map<string, T>, id: string, attrs: Attributes, make: () => T): T {
  let el = map.get(id);
  if (!el) map.set(id, (el = make()));
  for (const [k, v] of Object.entries(attrs)) if (!(k in el.attrs)) el.attrs[k] = v;
  return el;
}

/** Drops null/undefined/empty-string values, so documents carry only what is known. */
export function known(attrs: Record<string, ProvValue | ProvValue[] | null | undefined>): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    out[k] = v;
  }
  return out;
}
