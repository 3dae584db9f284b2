/** The `?` overlay: every command with keys, as the registry lists them. */
import { displayStrokes } from '../stores/keymap.js';

export interface KeymapEntry {
  title: string;
  keys: readonly string[];
}

export function KeymapOverlay({ entries, onClose }: { entries: KeymapEntry[]; onClose(): void }) {
  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <table className="keymap-table">
          <tbody>
            {entries.map((e) => (
              <tr key={e.title}>
                <td>
                  {e.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="muted"> or </span>}
                      {displayStrokes(k).map((s, j) => (
                        <kbd key={j}>{s}</kbd>
                      ))}
                    </span>
                  ))}
                </td>
                <td>{e.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Shortcuts are off while typing in a field, except Esc.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
