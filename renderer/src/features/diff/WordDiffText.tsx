/** Word-level highlights inside changed text: deletions on the left side, insertions on the right. */
import type { WordSegment } from '../../../../shared/model/chains.js';

const DEL = {
  background: 'color-mix(in srgb, var(--fail) 28%, transparent)',
  textDecoration: 'line-through',
  color: 'inherit',
} as const;
const INS = {
  background: 'color-mix(in srgb, var(--ok) 28%, transparent)',
  textDecoration: 'none',
  color: 'inherit',
} as const;

export function WordDiffText({
  segments,
  side,
}: {
  segments: readonly WordSegment[];
  side: 'left' | 'right';
}) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === 'equal') return <span key={i}>{s.text}</span>;
        if (s.kind === 'delete')
          return side === 'left' ? (
            <del key={i} style={DEL}>
              {s.text}
            </del>
          ) : null;
        return side === 'right' ? (
          <ins key={i} style={INS}>
            {s.text}
          </ins>
        ) : null;
      })}
    </>
  );
}
