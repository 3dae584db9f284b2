/**
 * The `<event>` markup parser of §4: LLM output -> events. Regex semantics follow the reference
 * (lazy bodies, first field match, no entity decoding); unknown types become hypothesis_formed.
 */
import type { Chain, ChainEvent, KeptObject } from '../../model/chains.js';
import { addEvents, createChain } from '../chain.js';
import { createEvent } from '../event.js';
import { isEventType } from '../eventTypes.js';
import { trimText } from '../text.js';
import { parseConfidence } from './confidence.js';

const EVENT_BLOCK = /<event[^>]*type="([^"]+)"[^>]*>(.*?)<\/event>/gs;
const ANY_EVENT_BLOCK = /<event[^>]*>.*?<\/event>/gs;
const CODE_BLOCK = /<code>(.*?)<\/code>/gs;

interface RawBlock {
  type: string;
  body: string;
}

function blocks(text: string): RawBlock[] {
  return Array.from(text.matchAll(EVENT_BLOCK), (m) => ({ type: m[1] ?? '', body: m[2] ?? '' }));
}

/** The first `<tag>...</tag>` of a body, trimmed; "" when missing. */
function field(body: string, tag: string): string {
  const m = new RegExp(`<${tag}>(.*?)</${tag}>`, 's').exec(body);
  return m ? trimText(m[1] ?? '') : '';
}

function splitAlternatives(text: string): string[] {
  return text
    .split(/[,;]/)
    .map(trimText)
    .filter((s) => s !== '');
}

function toEvent(block: RawBlock): ChainEvent {
  const type = trimText(block.type);
  return createEvent({
    type: isEventType(type) ? type : 'hypothesis_formed',
    decision: field(block.body, 'decision'),
    reasoning: field(block.body, 'reasoning'),
    alternatives: splitAlternatives(field(block.body, 'alternatives')),
    confidence: parseConfidence(field(block.body, 'confidence')),
    code_section: field(block.body, 'code_section'),
    spec_reference: field(block.body, 'spec_reference'),
  });
}

/** Events in document order, each with a new id and "now". */
export function parseEvents(text: string): ChainEvent[] {
  return blocks(text).map(toEvent);
}

export interface ParseToChainOptions {
  description?: string | null;
  metadata?: KeptObject;
}

export function parseToChain(text: string, name: string, opts: ParseToChainOptions = {}): Chain {
  const chain = createChain(name, { description: opts.description ?? null, metadata: opts.metadata ?? {} });
  const events = parseEvents(text);
  return events.length ? addEvents(chain, events) : chain;
}

/** Events removed, `<code>` blocks unwrapped, trimmed. */
export function extractCode(text: string): string {
  return trimText(text.replace(ANY_EVENT_BLOCK, '').replace(CODE_BLOCK, '$1'));
}

/** [text without any code block (untrimmed), inner text of the first code block or ""]. */
export function splitEventsAndCode(text: string): [string, string] {
  const first = new RegExp(CODE_BLOCK.source, 's').exec(text);
  return [text.replace(CODE_BLOCK, ''), first ? (first[1] ?? '') : ''];
}

export type EventValidation = { ok: number } | { error: string[] };

/** Tag balance, then per block missing reasoning / decision (§4.3). */
export function validateEvents(text: string): EventValidation {
  const open = (text.match(/<event[^>]*>/g) ?? []).length;
  const close = (text.match(/<\/event>/g) ?? []).length;
  const issues: string[] = [];
  if (open !== close) issues.push(`Mismatched event tags: ${open} open, ${close} close`);
  blocks(text).forEach((b, i) => {
    if (field(b.body, 'reasoning') === '') issues.push(`Event ${i + 1}: missing <reasoning> tag`);
    if (field(b.body, 'decision') === '') issues.push(`Event ${i + 1}: missing <decision> tag`);
  });
  return issues.length ? { error: issues } : { ok: open };
}

/** `<!-- model: x -->` and `<!-- timestamp: y -->` comments (first of each), not applied automatically. */
export function extractMetadata(text: string): { model?: string; timestamp?: string } {
  const out: { model?: string; timestamp?: string } = {};
  const model = /<!--\s*model:\s*(.+?)\s*-->/i.exec(text);
  const timestamp = /<!--\s*timestamp:\s*(.+?)\s*-->/i.exec(text);
  if (model?.[1] !== undefined) out.model = trimText(model[1]);
  if (timestamp?.[1] !== undefined) out.timestamp = trimText(timestamp[1]);
  return out;
}
