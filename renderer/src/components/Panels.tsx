/** A centered panel: the first-start empty state. */
import type { ReactNode } from 'react';

export function CenteredPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="panel-center" role="region" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
