/**
 * Inline styles shared by the chains and diff features. Colours come from the shell's theme
 * variables (styles.css), so both themes work; an event type's own colour is mixed with the text
 * colour where it is used as text, so it stays readable on a light and on a dark background.
 */
import type { CSSProperties } from 'react';

export const TYPE_COLOURS: Record<string, string> = {
  hypothesis_formed: '#2e7d32',
  alternative_rejected: '#c62828',
  constraint_evaluated: '#ef6c00',
  pattern_applied: '#1565c0',
  ambiguity_flagged: '#f57f17',
  confidence_updated: '#6a1b9a',
};

export const typeColour = (type: string): string => TYPE_COLOURS[type] ?? '#546e7a';

/** A type's colour as text: darker on the light theme, lighter on the dark one. */
export const typeText = (type: string): string => `color-mix(in srgb, ${typeColour(type)} 70%, var(--fg))`;

export const cell: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  padding: '0 6px',
};

export const chip = (on: boolean, colour = '#546e7a'): CSSProperties => ({
  border: `1px solid ${colour}`,
  background: on ? colour : 'transparent',
  color: on ? '#fff' : `color-mix(in srgb, ${colour} 70%, var(--fg))`,
  borderRadius: 12,
  padding: '1px 8px',
  fontSize: 12,
  cursor: 'pointer',
});

export const muted: CSSProperties = { color: 'var(--fg-muted)', fontSize: 12 };
export const panel: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 };
/** Row backgrounds of the lists: the selected row, and every other row. */
export const selectedRowBackground = 'var(--accent-soft)';
export const stripedRowBackground = 'var(--bg-soft)';
