/** The diff's exact text rendering (§5.4) and its informative HTML page. */
import type { ChainEvent, DiffKey, DiffResult, FieldChange } from '../../model/chains.js';
import { formatFloat, roundedText } from '../numberText.js';
import { inspectFloat, inspectNullableString, inspectStringList } from '../inspect.js';
import { inspectTimestamp } from '../timestamps.js';

/** `inspect(old)` / `inspect(new)` of one changed field. */
export function inspectChange(c: FieldChange): [string, string] {
  switch (c.field) {
    case 'alternatives':
      return [inspectStringList(c.old), inspectStringList(c.new)];
    case 'confidence':
      return [inspectFloat(c.old), inspectFloat(c.new)];
    case 'timestamp':
      return [inspectTimestamp(c.old), inspectTimestamp(c.new)];
    default:
      return [inspectNullableString(c.old), inspectNullableString(c.new)];
  }
}

const keyText = (k: DiffKey): string => String(k);

function eventBlock(sign: '+' | '-', e: ChainEvent): string {
  return (
    `${sign} [${e.type}] ${e.decision ?? ''}\n` +
    `   Reasoning: ${e.reasoning ?? ''}\n` +
    `   Confidence: ${formatFloat(e.confidence)}\n`
  );
}

const orNone = (blocks: string[], sep: string): string => (blocks.length ? blocks.join(sep) : '(none)');

export function diffToText(d: DiffResult): string {
  const added = orNone(
    d.added.map((e) => eventBlock('+', e)),
    '\n',
  );
  const removed = orNone(
    d.removed.map((e) => eventBlock('-', e)),
    '\n',
  );
  const modified = orNone(
    d.modified.map((m) => {
      const lines = m.changes.map((c) => {
        const [o, n] = inspectChange(c);
        return `  - ${c.field}: ${o} -> ${n}`;
      });
      return `Event ${keyText(m.key)}:\n${lines.join('\n')}\n`;
    }),
    '\n',
  );
  const deltas = orNone(
    d.confidenceDeltas.map(
      ({ key, delta }) => `  ${keyText(key)}: ${delta >= 0 ? '+' : ''}${roundedText(delta, 3)}`,
    ),
    '\n',
  );
  return (
    `# Chain Comparison Summary\n\n${d.summary}\nSimilarity: ${roundedText(d.similarity * 100, 1)}%\n\n` +
    `## Added Events (${d.added.length})\n\n${added}\n\n` +
    `## Removed Events (${d.removed.length})\n\n${removed}\n\n` +
    `## Modified Events (${d.modified.length})\n\n${modified}\n\n` +
    `## Confidence Changes\n\n${deltas}\n`
  );
}
