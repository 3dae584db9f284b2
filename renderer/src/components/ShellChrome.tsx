/** The app's frame: the header (workspace path, the views' actions, theme, keymap) and the left navigation. */
import type { ReactNode } from 'react';

export interface NavItem {
  id: string;
  label: string;
  href: string;
  keys: string;
}

export function ShellHeader(props: {
  path: string | null;
  theme: 'light' | 'dark';
  onToggleTheme(): void;
  onShowKeys(): void;
  /** Controls placed before the theme button (import, live updates). */
  actions?: ReactNode;
}) {
  return (
    <header className="shell-header">
      <span className="brand">Provenance Explorer</span>
      <span className="path muted mono" title={props.path ?? ''} data-testid="workspace-path">
        {props.path ?? '…'}
      </span>
      {props.actions}
      <button
        type="button"
        onClick={props.onToggleTheme}
        aria-label={props.theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
      >
        {props.theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
      <button type="button" onClick={props.onShowKeys} aria-label="Keyboard shortcuts">
        ?
      </button>
    </header>
  );
}

export function ShellNav({ items, active }: { items: NavItem[]; active: string }) {
  return (
    <nav className="shell-nav" aria-label="Views">
      {items.map((item) => (
        <a key={item.id} href={item.href} aria-current={item.id === active ? 'page' : undefined}>
          {item.label}
          <kbd>{item.keys}</kbd>
        </a>
      ))}
    </nav>
  );
}
