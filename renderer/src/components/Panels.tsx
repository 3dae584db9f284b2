/** Centered panels: the first-start empty state and the "coming soon" placeholder. */
import type { ReactNode } from 'react';

export function CenteredPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="panel-center" role="region" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ComingSoon({ name }: { name: string }) {
  return (
    <CenteredPanel title={name}>
      <p className="muted">This view is coming soon.</p>
    </CenteredPanel>
  );
}
