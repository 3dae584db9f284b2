/**
 * Label and id helpers for our own Mermaid generators (sessions, task graphs, chain diffs). Labels
 * come from imported data, so they are untrusted text: truncated in graphemes, then escaped with
 * the chain generators' escaping in its safe mode (brackets, braces and pipes too), so no label
 * can close a node shape, start a comment or inject markup. Ids are generated (`T0`, `R3`), never
 * taken from the data.
 */
import { truncateLabel } from './mermaidChains.js';

/** Default longest label, in graphemes, before `...`. */
export const DEFAULT_LABEL_LENGTH = 60;

/**
 * Characters with a meaning in some diagram grammar become Mermaid's own entity codes (`#35;`),
 * which Mermaid swaps out before parsing and decodes when it draws, in every diagram type. HTML
 * entities (`&quot;`) would not do: their `;` ends a sequence-diagram statement. `;` ends a
 * statement, `%%` starts a comment, `#` starts an entity; the rest close shapes or inject markup.
 */
const CODED = /["<>&#;%[\](){}|`]/g;

export function escapeEntities(text: string): string {
  return text.replace(CODED, (c) => `#${c.charCodeAt(0)};`);
}

/** Truncated, one line (runs of whitespace become one space), escaped for a node or message label. */
export function nodeLabel(text: string | null | undefined, max = DEFAULT_LABEL_LENGTH): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return escapeEntities(truncateLabel(flat, max));
}

/**
 * Text for places where Mermaid decodes no entities and the grammar is line-based (Gantt task
 * names and sections, sequence participant aliases): characters with a meaning there become
 * look-alikes or spaces. Truncated in graphemes.
 */
export function plainLabel(text: string | null | undefined, max = DEFAULT_LABEL_LENGTH): string {
  const flat = (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/:/g, '\u02d0') // ː (modifier letter triangular colon): `:` starts the task data
    .replace(/[#;%]/g, ' ')
    .replace(/[<>"`]/g, "'")
    .replace(/[[\]{}()|]/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  const cut = truncateLabel(flat, max);
  return cut === '' ? '-' : cut;
}

/** The classDef lines of a generated diagram, one per class, four-space indented. */
export function classDefs(styles: Readonly<Record<string, string>>): string {
  return Object.entries(styles)
    .map(([name, style]) => `    classDef ${name} ${style}\n`)
    .join('');
}
