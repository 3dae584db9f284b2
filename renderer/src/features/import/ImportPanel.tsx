/**
 * The Import panel (File ▸ Import…, the header button, `i`, the first-start screen, a drop):
 * where to import from — the OS dialogs in the desktop app, the allowed folders in the browser
 * mode, the browser's own pickers — with a kind override, then the progress and the report.
 * Modal: keys stay inside it (Esc closes it).
 */
import type { KeyboardEvent } from 'react';
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/model/imports.js';
import { useImportStore } from '../../stores/importStore.js';
import { FolderBrowser } from './FolderBrowser.js';
import { ImportProgressBar } from './ImportProgressBar.js';
import { ImportReportView } from './ImportReportView.js';
import { UploadButtons } from './UploadButtons.js';

const KIND_HELP: Record<ImportKind, string> = {
  claude: '.claude/provenance folders and manifests',
  duckdb: 'DuckDB files with provenance_* tables',
  tasks: 'Go task tracker SQLite files',
  chains: 'CrucibleTrace chain JSON files',
  markup: 'LLM output with <event> blocks',
};

function Sources({ running }: { running: boolean }) {
  const roots = useImportStore((s) => s.roots);
  const rootsError = useImportStore((s) => s.rootsError);
  const st = useImportStore.getState;
  if (rootsError) return <p className="fail">{rootsError}</p>;
  if (!roots) return <p className="muted">Loading…</p>;
  if (roots.dialogs)
    return (
      <div className="import-dialog-buttons">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void st().importWithDialog('folder')}
        >
          Import a folder…
        </button>
        <button type="button" disabled={running} onClick={() => void st().importWithDialog('files')}>
          Import files…
        </button>
        <span className="muted">or drop folders and files anywhere on the window.</span>
      </div>
    );
  return (
    <>
      {roots.roots.length > 0 ? (
        <FolderBrowser />
      ) : (
        <p className="muted">
          No folder on this machine is open to the browser. Start <code>provex serve --allow-root DIR</code>{' '}
          to browse one here, or choose or drop files below.
        </p>
      )}
      <UploadButtons disabled={running} />
    </>
  );
}

export function ImportPanel() {
  const open = useImportStore((s) => s.open);
  const kind = useImportStore((s) => s.kind);
  const phase = useImportStore((s) => s.phase);
  const what = useImportStore((s) => s.what);
  const report = useImportStore((s) => s.report);
  const error = useImportStore((s) => s.error);
  const st = useImportStore.getState;
  if (!open) return null;
  const running = phase === 'running';

  const onKeyDown = (e: KeyboardEvent) => {
    // Modal: the app's shortcuts wait until it is closed.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      st().closePanel();
    }
  };

  return (
    <div className="overlay" onClick={() => st().closePanel()}>
      <div
        className="dialog import-panel"
        role="dialog"
        aria-modal="true"
        aria-label="Import"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="import-head">
          <h2>Import</h2>
          <label>
            Import as{' '}
            <select
              aria-label="Import as"
              value={kind ?? ''}
              disabled={running}
              onChange={(e) => st().setKind((e.target.value || null) as ImportKind | null)}
            >
              <option value="">detect automatically</option>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}: {KIND_HELP[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" aria-label="Close the import panel" onClick={() => st().closePanel()}>
            ✕
          </button>
        </div>
        <Sources running={running} />
        {running && <ImportProgressBar />}
        {error && (
          <p className="fail import-error" role="alert">
            {error}
          </p>
        )}
        {!running && report && <ImportReportView report={report} what={what} />}
        {!running && (report || error) && (
          <div className="import-foot">
            <button type="button" onClick={() => st().dismissResult()}>
              Clear the report
            </button>
            <button type="button" onClick={() => st().closePanel()}>
              Done
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
