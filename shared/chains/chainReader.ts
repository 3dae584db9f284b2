/**
 * The chain file reader of §3.3: read by key name, defaults for absent / null / false keys (0.1/0.2
 * files lack the relationship keys), unknown types kept, and errors naming the chain or event and
 * field when something cannot be read (the reference silently substitutes "now" for bad timestamps).
 */
import type { Chain, ChainEvent, ChainFileSummary, KeptJson, KeptObject } from '../model/chains.js';
import { parseKeptJson } from './keptJson.js';
import { randomId } from './ids.js';
import { keptNumberValue } from './numberText.js';
import { numericPrefix } from './markup/confidence.js';
import { normalizeTimestamp } from './timestamps.js';

export class ChainReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainReadError';
  }
}

type Obj = { [key: string]: KeptJson | undefined };

function isObject(v: KeptJson | undefined): v is KeptObject {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !('$number' in v && Object.keys(v).length === 1)
  );
}

/** absent, null and false all mean "take the default" */
function given(o: Obj, key: string): KeptJson | undefined {
  const v = Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
  return v === null || v === false ? undefined : v;
}

function describe(v: KeptJson): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return keptNumberValue(v) === null ? 'an object' : 'a number';
  return `a ${typeof v}`;
}

class Reader {
  constructor(private readonly where: string) {}

  fail(field: string, what: string): never {
    throw new ChainReadError(`${this.where}: ${field} ${what}`);
  }

  string(o: Obj, key: string): string | null {
    const v = given(o, key);
    if (v === undefined) return null;
    if (typeof v !== 'string') this.fail(key, `must be a string, got ${describe(v)}`);
    return v;
  }

  strings(o: Obj, key: string): string[] {
    const v = given(o, key);
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      this.fail(key, 'must be a list of strings');
    return v as string[];
  }

  object(o: Obj, key: string): KeptObject {
    const v = given(o, key);
    if (v === undefined) return {};
    if (!isObject(v)) this.fail(key, `must be an object, got ${describe(v)}`);
    return v;
  }

  timestamp(o: Obj, key: string): string {
    const v = given(o, key);
    if (v === undefined) this.fail(key, 'is missing');
    const iso = typeof v === 'string' ? normalizeTimestamp(v) : null;
    if (iso === null) this.fail(key, `is not a valid timestamp: ${JSON.stringify(v)}`);
    return iso;
  }
}

/** Confidence as §3.3 reads it: floats kept (no clamping), integers as floats, numeric text by prefix. */
function readConfidence(v: KeptJson | undefined): number {
  const n = keptNumberValue(v);
  if (n !== null) return n;
  if (typeof v === 'string') return numericPrefix(v) ?? 1.0;
  return 1.0;
}

export function eventFromJson(value: KeptJson, index: number, chainId: string): ChainEvent {
  if (!isObject(value)) throw new ChainReadError(`Chain ${chainId}: event ${index} is not an object`);
  const o = value as Obj;
  const idValue = given(o, 'id');
  const id = typeof idValue === 'string' ? idValue : randomId();
  if (idValue !== undefined && typeof idValue !== 'string') {
    throw new ChainReadError(
      `Chain ${chainId}: event ${index}: id must be a string, got ${describe(idValue)}`,
    );
  }
  const r = new Reader(`Chain ${chainId}: event ${id}`);
  const type = given(o, 'type');
  return {
    id,
    timestamp: r.timestamp(o, 'timestamp'),
    // Any string is kept verbatim; a missing or non-string type reads as hypothesis_formed (§12).
    type: typeof type === 'string' ? type : 'hypothesis_formed',
    decision: r.string(o, 'decision'),
    reasoning: r.string(o, 'reasoning'),
    alternatives: r.strings(o, 'alternatives'),
    confidence: readConfidence(given(o, 'confidence')),
    code_section: r.string(o, 'code_section'),
    spec_reference: r.string(o, 'spec_reference'),
    metadata: r.object(o, 'metadata'),
    parent_id: r.string(o, 'parent_id'),
    depends_on: r.strings(o, 'depends_on'),
    stage_id: r.string(o, 'stage_id'),
    experiment_id: r.string(o, 'experiment_id'),
  };
}

export function chainFromJson(value: KeptJson): Chain {
  if (!isObject(value)) throw new ChainReadError('Chain file is not a JSON object');
  const o = value as Obj;
  const idValue = given(o, 'id');
  if (idValue !== undefined && typeof idValue !== 'string') {
    throw new ChainReadError(`Chain: id must be a string, got ${describe(idValue)}`);
  }
  const id = idValue ?? randomId();
  const r = new Reader(`Chain ${id}`);
  const eventsValue = given(o, 'events');
  if (eventsValue !== undefined && !Array.isArray(eventsValue)) {
    r.fail('events', `must be a list, got ${describe(eventsValue)}`);
  }
  const events: KeptJson[] = Array.isArray(eventsValue) ? eventsValue : [];
  return {
    id,
    name: r.string(o, 'name'),
    description: r.string(o, 'description'),
    events: events.map((e, i) => eventFromJson(e, i, id)),
    metadata: r.object(o, 'metadata'),
    created_at: r.timestamp(o, 'created_at'),
    updated_at: r.timestamp(o, 'updated_at'),
  };
}

/** Reads a chain file's text (statistics are ignored: they are recomputed on write). */
export function readChain(text: string): Chain {
  return chainFromJson(parseKeptJson(text));
}

/** The listing row of §3.1 for one file, or null when the file cannot be read as a chain. */
export function summarizeChainFile(text: string): ChainFileSummary | null {
  try {
    const c = readChain(text);
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      event_count: c.events.length,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  } catch {
    return null;
  }
}
