/** Inline styles shared by the chains and diff features (no CSS files: the shell owns the theme). */
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

export const cell: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  padding: '0 6px',
};

export const chip = (on: boolean, colour = '#546e7a'): CSSProperties => ({
  border: `1px solid ${colour}`,
  background: on ? colour : 'transparent',
  color: on ? '#fff' : colour,
  borderRadius: 12,
  padding: '1px 8px',
  fontSize: 12,
  cursor: 'pointer',
});

export const muted: CSSProperties = { color: '#777', fontSize: 12 };
export const panel: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 };
