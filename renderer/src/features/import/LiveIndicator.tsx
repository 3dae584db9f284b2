/**
 * The header's live-updates controls: "● Live" (or Paused / off) opening the watched-roots list,
 * and a pause toggle. Watching a root keeps its sessions in step as agents write them.
 */
import { useEffect, useRef, useState } from 'react';
import type { WatchRoot } from '../../../../shared/model/watch.js';
import { liveState, useLiveStore } from '../../stores/liveStore.js';

const STATE_TEXT: Record<WatchRoot['state'], string> = {
  events: 'following file events',
  polling: 'polling',
  missing: 'waiting for .claude/provenance',
  off: 'not watched',
};

function RootRow({ root, busy }: { root: WatchRoot; busy: boolean }) {
  const st = useLiveStore.getState;
  return (
    <li className="live-root" data-root={root.label} data-watched={root.watched}>
      <div className="live-root-head">
        <b>{root.label}</b>
        <span className={root.watched ? 'ok' : 'muted'}>{STATE_TEXT[root.state]}</span>
        <button
          type="button"
          disabled={busy}
          onClick={() => void (root.watched ? st().remove(root.root_id) : st().add(root.root_id))}
        >
          {root.watched ? 'Stop watching' : 'Watch'}
        </button>
      </div>
      <div className="muted mono live-root-path" title={root.location}>
        {root.location}
      </div>
      <div className="muted">
        {root.folders} session folders · {root.lines} lines since watching
        {root.last_change && ` · last change ${new Date(root.last_change).toLocaleTimeString()}`}
      </div>
      {root.last_error && <div className="fail">{root.last_error}</div>}
    </li>
  );
}

function WatchedRoots({ onClose }: { onClose(): void }) {
  const list = useLiveStore((s) => s.list);
  const error = useLiveStore((s) => s.error);
  const busy = useLiveStore((s) => s.busy);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!box.current?.parentElement?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  return (
    <div
      className="live-popover"
      role="dialog"
      aria-label="Watched folders"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h3>Watched folders</h3>
      <p className="muted">
        Watched project folders are kept in step as agents write to them; imported projects are watched.
      </p>
      {error && <p className="fail">{error}</p>}
      {list && list.roots.length === 0 && (
        <p className="muted">No folder may be watched yet: import a project folder first.</p>
      )}
      <ul>
        {list?.roots.map((r) => (
          <RootRow key={r.root_id} root={r} busy={busy} />
        ))}
      </ul>
    </div>
  );
}

export function LiveIndicator() {
  const list = useLiveStore((s) => s.list);
  const busy = useLiveStore((s) => s.busy);
  const [open, setOpen] = useState(false);
  const state = liveState(list);
  const label = state === 'live' ? '● Live' : state === 'paused' ? '❚❚ Paused' : '○ Live off';
  return (
    <span className="live">
      <button
        type="button"
        className={`live-state live-${state}`}
        aria-expanded={open}
        aria-label={`Live updates: ${state}`}
        data-testid="live-state"
        data-state={state}
        onClick={() => {
          if (!open) void useLiveStore.getState().load();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {state !== 'off' && (
        <button
          type="button"
          disabled={busy}
          aria-pressed={state === 'paused'}
          onClick={() => void useLiveStore.getState().setPaused(state === 'live')}
        >
          {state === 'paused' ? 'Resume' : 'Pause'}
        </button>
      )}
      {open && <WatchedRoots onClose={() => setOpen(false)} />}
    </span>
  );
}
