/**
 * Label and id helpers for our own Mermaid generators (sessions, task graphs, chain diffs). Labels
 * come from imported data, so they are untrusted text: truncated in graphemes, then escaped with
 * the chain generators' escaping in its safe mode (brackets, braces and pipes too), so no label
 * can close a node shape, start a comment or inject markup. Ids are generated (`T0`, `R3`), never
 * taken from the data.
 */
import { graphemeLength, takeGraphemes } from '../chains/text.js';

/** `text` cut to `max` graphemes plus `...` (null: empty); labels are cut before they are escaped. */
export function truncateLabel(text: string | null, max: number): string {
  if (text === null) return '';
  return graphemeLength(text) <= max ? text : takeGraphemes(text, max) + '...';
}

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

/**
 * Line breaks of every kind (CR LF, CR, NEL, LS, PS) as LF; other control characters and the
 * no-break space as spaces: Mermaid's SVG text is serialized as HTML, where U+00A0 becomes
 * `&nbsp;`, which is not XML, so the SVG would no longer load as an image.
 */
function normalizeControls(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what this replaces
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u00a0]/g, ' ')
  );
}

/**
 * A label where Mermaid draws `<br/>` as a line break (flowchart nodes, sequence participant
 * aliases and notes): coded like `nodeLabel`, but its line breaks kept as `<br/>`, as the chain
 * diagrams of the reference do. Not truncated: callers cut the raw text first.
 */
export function breakingLabel(text: string): string {
  return normalizeControls(text).split('\n').map(escapeEntities).join('<br/>');
}

/** Words the timeline grammar reads as a statement when a line starts with them. */
const TIMELINE_STATEMENT = /^(timeline|title|section|acc)/i;

/**
 * One line of a timeline (a period or the title): the grammar is line-based and draws no
 * `<br/>`, so every run of whitespace becomes one space, and `:` is coded; a leading keyword has its first letter
 * coded so the line stays a period. Empty text becomes a zero-width space, so the period is kept.
 */
export function timelineLabel(text: string): string {
  const flat = normalizeControls(text).replace(/\s+/g, ' ').trim();
  // `:` starts an event here (`period : event`), so it is coded too.
  const coded = escapeEntities(flat).replace(/:/g, '#58;');
  if (coded === '') return '#8203;';
  return TIMELINE_STATEMENT.test(coded) ? `#${coded.charCodeAt(0)};${coded.slice(1)}` : coded;
}

/** Flowchart keywords: a node id or class name spelled like one ends the statement. */
const FLOWCHART_WORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'linkstyle',
  'class',
  'classdef',
  'click',
  'call',
  'href',
  'callback',
  'direction',
  'default',
  'interpolate',
  'acctitle',
  'accdescr',
]);

const plainId = (id: string): boolean =>
  /^[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$/.test(id) && !FLOWCHART_WORDS.has(id.split('-')[0]!.toLowerCase());

/**
 * Node ids Mermaid parses: each id kept where it is plain (letters, digits, `_`, inner `-`, not a
 * keyword), else `{prefix}{index}` (made unique against the kept ids). Equal ids stay equal.
 */
export function flowchartIds(ids: readonly string[], prefix = 'N'): string[] {
  const used = new Set(ids.filter(plainId));
  const replaced = new Map<string, string>();
  return ids.map((id, i) => {
    if (plainId(id)) return id;
    let alt = replaced.get(id);
    if (alt === undefined) {
      alt = `${prefix}${i}`;
      while (used.has(alt)) alt = `_${alt}`;
      used.add(alt);
      replaced.set(id, alt);
    }
    return alt;
  });
}

/** A class name Mermaid parses (`:::name`), or null when nothing of it is left. */
export function flowchartClass(name: string): string | null {
  const clean = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/[A-Za-z0-9]/.test(clean)) return null;
  return FLOWCHART_WORDS.has(clean.toLowerCase()) ? `${clean}_` : clean;
}
