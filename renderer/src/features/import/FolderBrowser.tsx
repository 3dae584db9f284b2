/**
 * Browser mode: the folders `provex serve --allow-root` allows, browsed with `import/browse`.
 * Each entry says what it imports as; importable ones can be ticked (several, across folders).
 * Keys on the list: ↑/↓ move, Enter or → opens a folder (ticks a file), Space ticks,
 * Backspace or ← goes up, Ctrl+Enter imports.
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { breadcrumbs, describeSelection, isChoosable, joinEntry } from '../../stores/importBrowse.js';
import { useImportStore } from '../../stores/importStore.js';

export function FolderBrowser() {
  const roots = useImportStore((s) => s.roots);
  const rootId = useImportStore((s) => s.rootId);
  const at = useImportStore((s) => s.at);
  const entries = useImportStore((s) => s.entries);
  const error = useImportStore((s) => s.browseError);
  const cursor = useImportStore((s) => s.cursor);
  const selection = useImportStore((s) => s.selection);
  const kind = useImportStore((s) => s.kind);
  const running = useImportStore((s) => s.phase === 'running');
  const list = useRef<HTMLUListElement>(null);
  const st = useImportStore.getState;

  useEffect(() => list.current?.focus(), []);
  useEffect(() => {
    if (cursor !== null)
      list.current?.querySelector(`[data-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor, entries]);

  if (!roots || rootId === null) return null;
  const root = roots.roots.find((r) => r.root_id === rootId);
  const chosen = [...selection].sort();

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => st().moveCursor(1),
      ArrowUp: () => st().moveCursor(-1),
      Home: () => st().setCursor(0),
      End: () => st().setCursor(Math.max(0, entries.length - 1)),
      Enter: () => (e.ctrlKey || e.metaKey ? void st().importSelected() : st().activate()),
      ArrowRight: () => entries[cursor ?? -1]?.kind === 'folder' && st().activate(),
      ' ': () => {
        const entry = entries[cursor ?? -1];
        if (entry && isChoosable(entry, kind !== null)) st().toggle(joinEntry(at, entry.name));
      },
      Backspace: () => st().up(),
      ArrowLeft: () => st().up(),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };

  return (
    <div className="import-browser">
      <div className="import-browser-head">
        {roots.roots.length > 1 && (
          <select
            aria-label="Allowed folder"
            value={rootId}
            onChange={(e) => void st().browse(e.target.value, '')}
          >
            {roots.roots.map((r) => (
              <option key={r.root_id} value={r.root_id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
        <nav className="import-crumbs" aria-label="Folder">
          {breadcrumbs(root?.label.replace(/ \(.*\)$/, '') ?? 'root', at).map((c, i, all) => (
            <span key={c.at}>
              {i > 0 && <span className="muted"> / </span>}
              <button
                type="button"
                className="link-button"
                aria-current={i === all.length - 1 ? 'location' : undefined}
                onClick={() => void st().browse(rootId, c.at)}
              >
                {c.label}
              </button>
            </span>
          ))}
        </nav>
      </div>
      {error && <p className="fail">{error}</p>}
      <ul
        ref={list}
        className="import-entries"
        role="listbox"
        aria-label="Entries"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={cursor === null ? undefined : `import-entry-${cursor}`}
        onKeyDown={onKeyDown}
      >
        {at !== '' && (
          <li className="import-entry up" onClick={() => st().up()}>
            <span className="import-icon">↰</span>
            <span>.. (up)</span>
          </li>
        )}
        {entries.map((entry, i) => {
          const rel = joinEntry(at, entry.name);
          const choosable = isChoosable(entry, kind !== null);
          return (
            <li
              key={entry.name}
              id={`import-entry-${i}`}
              data-index={i}
              data-entry={rel}
              role="option"
              aria-selected={selection.has(rel)}
              className={`import-entry${i === cursor ? ' cursor' : ''}${choosable ? '' : ' inert'}`}
              onClick={() => st().setCursor(i)}
              onDoubleClick={() => st().activate()}
            >
              <input
                type="checkbox"
                aria-label={`Choose ${entry.name}`}
                checked={selection.has(rel)}
                disabled={!choosable}
                onChange={() => st().toggle(rel)}
              />
              <span className={`import-icon ${entry.kind}`} aria-hidden="true" />
              {entry.kind === 'folder' ? (
                <button
                  type="button"
                  className="link-button"
                  tabIndex={-1}
                  onClick={() => void st().browse(rootId, rel)}
                >
                  {entry.name}
                </button>
              ) : (
                <span>{entry.name}</span>
              )}
              {entry.importable ? (
                <span className="badge import-kind" title={`imports as ${entry.importable}`}>
                  {entry.importable}
                </span>
              ) : (
                <span className="muted import-kind-none">
                  {entry.kind === 'folder' ? '' : 'not importable'}
                </span>
              )}
            </li>
          );
        })}
        {entries.length === 0 && !error && <li className="muted import-entry">(empty folder)</li>}
      </ul>
      <div className="import-browser-foot">
        <span className="muted" data-testid="import-selection">
          {chosen.length
            ? `Chosen: ${describeSelection(chosen)}`
            : 'Tick what to import (Space), or open a folder (Enter).'}
        </span>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0 || running}
          onClick={() => void st().importSelected()}
        >
          Import{chosen.length > 1 ? ` ${chosen.length}` : ''}
        </button>
      </div>
    </div>
  );
}
